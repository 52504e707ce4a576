package dev.confirma.payment;

import dev.confirma.chain.AssetCatalog;
import jakarta.inject.Singleton;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What an order may be priced in: an ISO 4217 currency, or an asset this server accepts. */
@Singleton
public class OrderCurrencies {

    /** ISO 4217 codes that name no spendable money. */
    private static final Set<String> NON_MONEY = Set.of("XXX", "XTS", "XSU", "XUA", "XBA", "XBB", "XBC", "XBD", "XDR");
    private static final Set<String> ISO_CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .filter(code -> !NON_MONEY.contains(code))
            .collect(Collectors.toUnmodifiableSet());

    private final AssetCatalog assets;

    OrderCurrencies(AssetCatalog assets) {
        this.assets = assets;
    }

    /** The canonical spelling (an asset's configured one, a currency upper-cased); empty when it is neither. */
    public Optional<String> canonical(String value) {
        Optional<String> asset = assets.canonicalSymbol(value);
        if (asset.isPresent()) {
            return asset;
        }
        String code = value.toUpperCase(Locale.ROOT);
        return ISO_CURRENCIES.contains(code) ? Optional.of(code) : Optional.empty();
    }

    /** What to tell a caller who named something else. */
    public String refusal(String field, String value) {
        return field + " " + value + " is neither an ISO 4217 currency (USD, BRL, EUR, ...) nor an accepted asset ("
                + String.join(", ", assets.symbols()) + ")";
    }
}
