package dev.confirma.checkout;

import dev.confirma.chain.Asset;
import dev.confirma.chain.AssetCatalog;
import dev.confirma.chain.AssetId;
import dev.confirma.chain.Chain;
import dev.confirma.chain.Chains;
import dev.confirma.common.Money;
import dev.confirma.order.Order;
import dev.confirma.order.config.CheckoutConfig;
import dev.confirma.order.OrderQuote;
import dev.confirma.plugin.PluginStatus;
import dev.confirma.chain.evm.PaymentUri;
import dev.confirma.payment.OrderTransactions;
import dev.confirma.payment.ConfirmationPolicy;
import dev.confirma.store.Store;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Builds the hosted page's model from an order: what to pay, how far the payment got, where to go next. */
@Singleton
public class PaymentPages {

    private final OrderTransactions transactions;
    private final AssetCatalog assets;
    private final Chains chains;
    private final ConfirmationPolicy confirmation;
    private final CheckoutConfig checkout;
    private final Clock clock;

    PaymentPages(OrderTransactions transactions, AssetCatalog assets, Chains chains, ConfirmationPolicy confirmation,
                 CheckoutConfig checkout, Clock clock) {
        this.transactions = transactions;
        this.assets = assets;
        this.chains = chains;
        this.confirmation = confirmation;
        this.checkout = checkout;
        this.clock = clock;
    }

    /**
     * @param quoteKey      the asset the shopper picked ({@code CELO-cUSD}); otherwise the one they
     *                      paid or named, otherwise the first quote
     * @param queryLinks    return URLs from a Cryptum plugin's query, used only where the order has none
     *                      and only on the shop's host
     */
    public PaymentPage build(Order order, PageLanguage language, String sessionToken, Optional<String> quoteKey,
                             ReturnLinks queryLinks) {
        Instant now = clock.instant();
        ReturnLinks shopLinks = queryLinks.onHostOf(order.callbackUrl);
        List<OrderQuote> quotes = OrderQuote.forOrders(List.of(order.id));
        PaymentPageState state = PaymentPageState.of(order, now);
        List<PaymentPage.TransactionLine> transactions = this.transactions.of(order.id).stream().map(this::line).toList();
        String storeName = Optional.ofNullable(Store.<Store>findById(order.storeId)).map(s -> s.name).orElse("");
        return new PaymentPage(
                order.id,
                order.ecommerceOrderId,
                storeName,
                PluginStatus.of(order.paymentStatus()),
                Money.format(order.orderTotal, order.orderCurrency),
                order.orderCurrency,
                state,
                order.late,
                order.expiresAt,
                Math.max(0, Duration.between(now, order.expiresAt).getSeconds()),
                options(order, quotes, quoteKey),
                transactions,
                state == PaymentPageState.SEEN ? progress(order, transactions) : null,
                state == PaymentPageState.SHORT ? shortfall(order, quotes) : null,
                state == PaymentPageState.CONFIRMED ? paidWith(transactions) : null,
                ReturnLinks.httpOnly(order.successReturnUrl).or(shopLinks::success).orElse(null),
                ReturnLinks.httpOnly(order.cancelReturnUrl).or(shopLinks::cancel).orElse(null),
                shopLinks,
                language,
                sessionToken,
                checkout.statusPollInterval().toMillis());
    }

    private List<PaymentPage.QuoteOption> options(Order order, List<OrderQuote> quotes, Optional<String> quoteKey) {
        List<OrderQuote> offered = quotes.stream()
                .filter(q -> assets.find(id(q)).isPresent() && chains.byName(q.id.protocol).isPresent())
                .toList();
        String chosen = quoteKey.filter(key -> offered.stream().anyMatch(q -> key(q).equals(key)))
                .or(() -> Optional.ofNullable(order.paymentMethod)
                        .map(asset -> new AssetId(order.blockchain == null ? "" : order.blockchain, asset).key())
                        .filter(key -> offered.stream().anyMatch(q -> key(q).equals(key))))
                .or(() -> offered.stream().findFirst().map(PaymentPages::key))
                .orElse("");
        List<PaymentPage.QuoteOption> options = new ArrayList<>();
        for (OrderQuote q : offered) {
            Asset asset = assets.find(id(q)).orElseThrow();
            Chain chain = chains.byName(q.id.protocol).orElseThrow();
            String key = key(q);
            options.add(new PaymentPage.QuoteOption(key, q.id.protocol, chain.displayName(), q.chainId, q.id.asset,
                    asset.displayName(), q.contract, amount(q).toPlainString(), q.amountBaseUnits.toString(), q.address,
                    PaymentUri.eip681(q.contract, q.chainId, q.address, q.amountBaseUnits), key.equals(chosen), chain.nativeSymbol(),
                    chain.nativeDecimals(), chain.walletRpcUrl().orElse(null), chain.explorerUrl().orElse(null)));
        }
        return options;
    }

    private static AssetId id(OrderQuote quote) {
        return new AssetId(quote.id.protocol, quote.id.asset);
    }

    private static String key(OrderQuote quote) {
        return id(quote).key();
    }

    private static BigDecimal amount(OrderQuote quote) {
        return Money.plain(new BigDecimal(quote.amountBaseUnits, quote.decimals));
    }

    private PaymentPage.TransactionLine line(OrderTransactions.Transaction t) {
        return new PaymentPage.TransactionLine(t.protocol(), t.hash(), t.asset(), assetName(t.protocol(), t.asset()),
                t.amount() == null ? null : Money.plain(t.amount()).toPlainString(), t.confirmations(),
                confirmation.depth(t.protocol()), t.standing(), explorerUrl(t.protocol(), t.hash()).orElse(null));
    }

    /** The name shoppers know an asset by ("USDm (cUSD)"); the symbol itself for one this server no longer lists. */
    private String assetName(String chain, String symbol) {
        return assets.find(new AssetId(chain, symbol)).map(Asset::displayName).orElse(symbol);
    }

    private Optional<String> explorerUrl(String chain, String hash) {
        return chains.byName(chain).flatMap(c -> c.explorerUrl().flatMap(ReturnLinks::httpOnly).flatMap(url -> c.transactionUrl(hash)));
    }

    /** The least confirmed payment decides; a claimed hash alone is at zero. */
    private PaymentPage.Progress progress(Order order, List<PaymentPage.TransactionLine> transactions) {
        return transactions.stream().filter(t -> t.standing() == OrderTransactions.Standing.PENDING)
                .min(Comparator.comparingLong(PaymentPage.TransactionLine::confirmations))
                .map(t -> new PaymentPage.Progress(t.confirmations(), t.requiredConfirmations(), true))
                .orElseGet(() -> new PaymentPage.Progress(0, transactions.stream().findFirst()
                        .map(PaymentPage.TransactionLine::requiredConfirmations)
                        .orElseGet(() -> confirmation.depth(order.blockchain)), false));
    }

    /** One asset paid: in that asset, against its quote. Several: in the order currency. */
    private PaymentPage.Shortfall shortfall(Order order, List<OrderQuote> quotes) {
        if (order.paymentMethod != null) {
            Optional<OrderQuote> quote = quotes.stream()
                    .filter(q -> q.id.asset.equals(order.paymentMethod) && q.id.protocol.equals(order.blockchain)).findFirst();
            if (quote.isPresent()) {
                BigDecimal due = amount(quote.get());
                return new PaymentPage.Shortfall(Money.plain(order.amountReceived).toPlainString(),
                        Money.plain(due.subtract(order.amountReceived).max(BigDecimal.ZERO)).toPlainString(), order.paymentMethod,
                        assetName(order.blockchain, order.paymentMethod));
            }
        }
        int minor = Math.max(2, Money.significantScale(order.orderTotal));
        BigDecimal received = order.amountReceived.setScale(minor, RoundingMode.FLOOR);
        BigDecimal missing = order.orderTotal.subtract(order.amountReceived).max(BigDecimal.ZERO).setScale(minor, RoundingMode.CEILING);
        return new PaymentPage.Shortfall(Money.format(received, order.orderCurrency), Money.format(missing, order.orderCurrency),
                order.orderCurrency, order.orderCurrency);
    }

    private static PaymentPage.TransactionLink paidWith(List<PaymentPage.TransactionLine> transactions) {
        return transactions.stream().filter(t -> t.standing() == OrderTransactions.Standing.CONFIRMED).findFirst()
                .map(t -> new PaymentPage.TransactionLink(t.hash(), t.explorerUrl(),
                        t.explorerUrl() == null ? null : URI.create(t.explorerUrl()).getHost()))
                .orElse(null);
    }
}
