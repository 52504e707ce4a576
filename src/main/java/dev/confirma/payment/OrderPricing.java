package dev.confirma.payment;

import dev.confirma.order.Order;
import dev.confirma.order.OrderMarketRate;
import dev.confirma.order.OrderQuote;
import dev.confirma.chain.Asset;
import dev.confirma.chain.AssetCatalog;
import dev.confirma.chain.Protocol;
import dev.confirma.rates.Pricer;
import dev.confirma.rates.Quote;
import dev.confirma.rates.UnitsPerOrderCurrency;
import dev.confirma.store.Store;
import dev.confirma.store.StoreWallet;
import jakarta.inject.Singleton;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Instant;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Prices a new checkout for its store, and writes the quotes and rate snapshot onto the order. */
@Singleton
public class OrderPricing {

    private final Pricer pricer;
    private final AssetCatalog catalog;
    private final DepositAddresses depositAddresses;
    private final UniqueAmounts uniqueAmounts;

    OrderPricing(Pricer pricer, AssetCatalog catalog, DepositAddresses depositAddresses, UniqueAmounts uniqueAmounts) {
        this.pricer = pricer;
        this.catalog = catalog;
        this.depositAddresses = depositAddresses;
        this.uniqueAmounts = uniqueAmounts;
    }

    /** The pricing of an order about to be written, with the unique amounts reserved for it at shared wallets. */
    public record Reserved(Pricer.Pricing pricing, Map<UniqueAmounts.Wanted, BigInteger> amounts) {
    }

    /** Uses the network when rates are stale: call it outside a database transaction. */
    public Pricer.Pricing price(Store store, java.math.BigDecimal orderTotal, String orderCurrency) {
        List<Pricer.Payable> payables = payables(store);
        if (payables.isEmpty()) {
            throw noPaymentOption(store);
        }
        return pricer.price(orderTotal, orderCurrency, store.markupPercentage, store.discountPercentage,
                payables);
    }

    /**
     * Why the store cannot be paid in anything, naming what is missing: an operator reading
     * the plugin's error must learn whether the server, the store's wallets or its accepted
     * assets are at fault.
     */
    private NoPaymentOptionException noPaymentOption(Store store) {
        Set<Protocol> enabled = new LinkedHashSet<>();
        catalog.all().forEach(asset -> enabled.add(asset.protocol()));
        Set<Protocol> walletChains = new TreeSet<>();
        store.wallets.forEach(wallet -> walletChains.add(wallet.protocol));
        String wallets = walletChains.isEmpty() ? "the store has no wallet"
                : "the store has wallets for " + names(walletChains, ", ");
        String reason;
        if (enabled.isEmpty()) {
            reason = "chains enabled on this server: none (confirma.chains.<chain>.enabled); " + wallets;
        } else if (walletChains.stream().noneMatch(enabled::contains)) {
            reason = "chains enabled on this server: " + names(enabled, ", ") + "; " + wallets
                    + (walletChains.isEmpty() ? "" : " only")
                    + " (add a wallet for " + names(enabled, " or ") + " with PATCH /admin/stores/" + store.id + ")";
        } else {
            String offered = walletChains.stream().filter(enabled::contains)
                    .map(chain -> chain + ": " + catalog.all().stream().filter(a -> a.protocol().equals(chain)).map(Asset::symbol)
                            .collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("; "));
            reason = "the store's acceptedAssets (" + String.join(", ", store.acceptedAssets.split(","))
                    + ") are offered on none of the enabled chains it has wallets for (" + offered + ")";
        }
        return new NoPaymentOptionException(reason);
    }

    private static String names(Set<Protocol> chains, String separator) {
        return chains.stream().map(Protocol::name).collect(Collectors.joining(separator));
    }

    /**
     * The store's accepted assets on chains where it has a wallet, in catalogue order. An xpub
     * wallet's address is the order's own, known only once the order is written: null here.
     */
    List<Pricer.Payable> payables(Store store) {
        Optional<List<String>> accepted = Optional.ofNullable(store.acceptedAssets).map(a -> List.of(a.split(",")));
        List<Pricer.Payable> payables = new ArrayList<>();
        catalog.all().stream()
                .filter(asset -> accepted.map(list -> list.contains(asset.symbol())).orElse(true))
                .forEach(asset -> store.wallets.stream()
                        .filter(w -> asset.protocol().equals(w.protocol))
                        .findFirst()
                        .ifPresent((StoreWallet w) -> payables.add(new Pricer.Payable(asset, w.address))));
        return payables;
    }

    /**
     * Reserves, for the order {@code orderId} about to be written, a unique amount for each quote
     * at a shared wallet, until {@code until}. Commits at once in a transaction of its own: call
     * it outside any, and {@link UniqueAmounts#release} the amounts if the order is not written.
     */
    public Reserved reserve(String orderId, Pricer.Pricing pricing, Instant now, Instant until) {
        List<UniqueAmounts.Wanted> wanted = pricing.quotes().stream()
                .filter(quote -> quote.address() != null)
                .map(OrderPricing::wanted)
                .toList();
        return new Reserved(pricing, uniqueAmounts.take(orderId, wanted, now, until));
    }

    private static UniqueAmounts.Wanted wanted(Quote quote) {
        return new UniqueAmounts.Wanted(quote.asset().protocol().name(), quote.asset().symbol(), quote.address(),
                quote.amountBaseUnits());
    }

    /**
     * Persists the pricing as the order's locked quotes and market-rate snapshot: at a shared
     * wallet at its reserved amount, at the order's own deposit address at the amount due.
     * Call inside the order's transaction.
     */
    public void attach(Order order, Store store, Reserved reserved) {
        Map<Protocol, String> deposit = depositAddresses.assign(store, order.id);
        for (Quote quote : reserved.pricing().quotes()) {
            OrderQuote row = new OrderQuote();
            row.id = new OrderQuote.Id(order.id, quote.asset().protocol().name(), quote.asset().symbol());
            row.chainId = quote.asset().chainId();
            row.contract = quote.asset().contract().orElse(null);
            row.decimals = quote.asset().decimals();
            if (quote.address() != null) {
                row.address = quote.address();
                row.amountBaseUnits = reserved.amounts().get(wanted(quote));
            } else {
                row.address = deposit.get(quote.asset().protocol());
                row.amountBaseUnits = quote.amountBaseUnits();
                ReservedAmount.holdAtOwnAddress(row.id.protocol, row.id.asset, row.address, row.amountBaseUnits, order.id,
                        order.monitoredUntil);
            }
            row.persist();
        }
        for (Map.Entry<String, UnitsPerOrderCurrency> rate : reserved.pricing().marketRates().entrySet()) {
            OrderMarketRate row = new OrderMarketRate();
            row.id = new OrderMarketRate.Id(order.id, rate.getKey());
            row.units = rate.getValue().value().round(new MathContext(30, RoundingMode.HALF_EVEN)).setScale(30, RoundingMode.HALF_EVEN);
            row.sources = String.join(",", rate.getValue().sources());
            row.fetchedAt = rate.getValue().fetchedAt();
            row.persist();
        }
    }
}
