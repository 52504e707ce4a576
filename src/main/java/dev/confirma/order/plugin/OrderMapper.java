package dev.confirma.order.plugin;

import dev.confirma.chain.Asset;
import dev.confirma.chain.AssetCatalog;
import dev.confirma.chain.Protocol;
import dev.confirma.chain.evm.PaymentUri;
import dev.confirma.chain.watch.ChainTransfer;
import dev.confirma.common.Money;
import dev.confirma.config.ServerConfig;
import dev.confirma.order.DeliveryInfo;
import dev.confirma.order.Order;
import dev.confirma.order.OrderMarketRate;
import dev.confirma.order.OrderQuote;
import dev.confirma.checkout.SessionTokens;
import dev.confirma.payment.ConfirmationPolicy;
import dev.confirma.payment.OrderPayment;
import dev.confirma.payment.PaymentClaim;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Maps orders to the contract's order object; entities never leave the order package as API output. */
@Singleton
public class OrderMapper {

    private final SessionTokens sessionTokens;
    private final ServerConfig server;
    private final ConfirmationPolicy confirmation;
    private final AssetCatalog assets;

    OrderMapper(SessionTokens sessionTokens, ServerConfig server, ConfirmationPolicy confirmation, AssetCatalog assets) {
        this.sessionTokens = sessionTokens;
        this.server = server;
        this.confirmation = confirmation;
        this.assets = assets;
    }

    public OrderView toView(Order order) {
        return toViews(List.of(order)).get(0);
    }

    /** Views of several orders with three queries in all, whatever their number (a list page is 100). */
    public List<OrderView> toViews(List<Order> orders) {
        List<String> ids = orders.stream().map(o -> o.id).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, List<OrderQuote>> quotes = OrderQuote.forOrders(ids).stream()
                .collect(Collectors.groupingBy(q -> q.id.orderId));
        Map<String, List<OrderMarketRate>> rates = OrderMarketRate.forOrders(ids).stream()
                .collect(Collectors.groupingBy(r -> r.id.orderId));
        Map<String, List<PaymentClaim>> claims = PaymentClaim.forOrders(ids).stream()
                .collect(Collectors.groupingBy(c -> c.id.orderId));
        Map<String, List<OrderView.TransactionView>> payments = payments(ids);
        return orders.stream().map(order -> toView(order, quotes.getOrDefault(order.id, List.of()),
                rates.getOrDefault(order.id, List.of()),
                transactions(payments.getOrDefault(order.id, List.of()), claims.getOrDefault(order.id, List.of())))).toList();
    }

    private OrderView toView(Order order, List<OrderQuote> quotes, List<OrderMarketRate> rates,
                             List<OrderView.TransactionView> transactions) {
        DeliveryInfo d = order.deliveryInfo;
        return new OrderView(
                order.id,
                order.ecommerceOrderId,
                order.ecommerceType,
                order.storeId,
                Money.format(order.orderTotal, order.orderCurrency),
                order.orderCurrency,
                order.paymentStatus().wire(),
                order.status,
                order.callbackUrl,
                order.cancelReturnUrl,
                order.successReturnUrl,
                new OrderView.DeliveryInfoView(d.firstName, d.lastName, d.email, d.country, d.city, d.zip, d.address,
                        d.complement, d.state),
                Money.plain(order.storeMarkupPercentage),
                Money.plain(order.storeDiscountPercentage),
                marketRates(rates),
                quotes.stream().map(OrderMapper::quote).toList(),
                order.expiresAt,
                transactions,
                order.paymentMethod,
                order.blockchain,
                order.transactionHash,
                Money.format(order.convertedTotal, order.paymentMethod),
                Money.format(order.amountReceived, order.paymentMethod),
                order.late,
                order.createdAt,
                order.updatedAt);
    }

    public CheckoutView toCheckoutView(Order order, String message) {
        String token = sessionTokens.issue(order);
        return new CheckoutView(toView(order), order.id, token, paymentUrl(order, token), message);
    }

    /** The hosted page for this order (CONTRACT §5, short form). */
    String paymentUrl(Order order, String token) {
        String base = server.publicUrl().replaceAll("/+$", "");
        return base + "/pay/" + order.id + "?sessionToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /** Cryptum's marketRates: units of each asset per 1 order currency, as decimal strings. */
    private static Map<String, String> marketRates(List<OrderMarketRate> snapshot) {
        Map<String, String> rates = new LinkedHashMap<>();
        snapshot.forEach(rate -> rates.put(rate.id.symbol, Money.plain(rate.units).toPlainString()));
        return rates;
    }

    private static OrderView.QuoteView quote(OrderQuote q) {
        BigDecimal amount = Money.plain(new BigDecimal(q.amountBaseUnits, q.decimals));
        return new OrderView.QuoteView(q.id.protocol, q.id.asset, q.contract, q.decimals, q.address,
                amount.toPlainString(), q.amountBaseUnits.toString(),
                PaymentUri.eip681(q.contract, q.chainId, q.address, q.amountBaseUnits));
    }

    /** Payments the chain showed, then claimed hashes it has not shown yet. */
    private static List<OrderView.TransactionView> transactions(List<OrderView.TransactionView> payments, List<PaymentClaim> claims) {
        List<OrderView.TransactionView> all = new ArrayList<>(payments);
        Set<String> seen = payments.stream().map(OrderView.TransactionView::hash).collect(Collectors.toSet());
        claims.stream().filter(c -> !seen.contains(c.id.transactionHash))
                .map(c -> new OrderView.TransactionView(c.blockchain, c.id.transactionHash, c.asset, null, 0, "unverified", null))
                .forEach(all::add);
        return all;
    }

    /** Recorded payments of several orders, two queries in all. */
    private Map<String, List<OrderView.TransactionView>> payments(List<String> orderIds) {
        List<OrderPayment> payments = OrderPayment.forOrders(orderIds);
        if (payments.isEmpty()) {
            return Map.of();
        }
        Map<String, ChainTransfer> transfers = ChainTransfer.<ChainTransfer>list("id in ?1",
                payments.stream().map(p -> p.transferId).toList()).stream().collect(Collectors.toMap(t -> t.id, t -> t));
        Map<String, List<OrderView.TransactionView>> byOrder = new java.util.HashMap<>();
        for (OrderPayment payment : payments) {
            ChainTransfer t = transfers.get(payment.transferId);
            int decimals = Protocol.parse(t.chain).flatMap(p -> assets.find(p, t.asset)).map(Asset::decimals).orElse(0);
            String status = !payment.credited ? "ignored" : confirmation.isConfirmed(t.chain, t.blockNumber, payment.confirmations) ? "confirmed" : "pending";
            byOrder.computeIfAbsent(payment.orderId, id -> new ArrayList<>()).add(new OrderView.TransactionView(t.chain, t.txHash,
                    t.asset, Money.plain(new BigDecimal(t.amountBaseUnits, decimals)).toPlainString(), payment.confirmations,
                    status, payment.note));
        }
        return byOrder;
    }

}
