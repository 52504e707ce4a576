package dev.confirma.plugin;

import dev.confirma.chain.evm.PaymentUri;
import dev.confirma.common.Money;
import dev.confirma.order.DeliveryInfo;
import dev.confirma.order.Order;
import dev.confirma.payment.OrderTransactions;
import dev.confirma.order.OrderMarketRate;
import dev.confirma.order.OrderQuote;
import dev.confirma.shopper.PaymentLinks;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Maps orders to the contract's order object; entities never leave the order package as API output. */
@Singleton
public class OrderMapper {

    private final PaymentLinks links;
    private final OrderTransactions transactions;
    private final ReviewHolds holds;

    OrderMapper(PaymentLinks links, OrderTransactions transactions, ReviewHolds holds) {
        this.links = links;
        this.transactions = transactions;
        this.holds = holds;
    }

    public OrderView toView(Order order) {
        return toViews(List.of(order)).get(0);
    }

    /** Views of several orders with five queries in all, whatever their number (a list page is 100). */
    public List<OrderView> toViews(List<Order> orders) {
        List<String> ids = orders.stream().map(o -> o.id).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, List<OrderQuote>> quotes = OrderQuote.forOrders(ids).stream()
                .collect(Collectors.groupingBy(q -> q.id.orderId));
        Map<String, List<OrderMarketRate>> rates = OrderMarketRate.forOrders(ids).stream()
                .collect(Collectors.groupingBy(r -> r.id.orderId));
        Map<String, List<OrderTransactions.Transaction>> transactions = this.transactions.of(ids);
        Map<String, String> statuses = holds.statuses(orders);
        return orders.stream().map(order -> toView(order, statuses.get(order.id), quotes.getOrDefault(order.id, List.of()),
                rates.getOrDefault(order.id, List.of()),
                transactions.getOrDefault(order.id, List.of()).stream().map(OrderMapper::transaction).toList())).toList();
    }

    private OrderView toView(Order order, String paymentStatus, List<OrderQuote> quotes, List<OrderMarketRate> rates,
                             List<OrderView.TransactionView> transactions) {
        DeliveryInfo d = order.deliveryInfo;
        return new OrderView(
                order.id,
                order.ecommerceOrderId,
                order.ecommerceType,
                order.storeId,
                Money.format(order.orderTotal, order.orderCurrency),
                order.orderCurrency,
                paymentStatus,
                // as Cryptum's own answers: status repeats paymentStatus; the merchant lifecycle is beside it
                paymentStatus,
                order.callbackUrl,
                order.cancelReturnUrl,
                order.successReturnUrl,
                d == null ? null : new OrderView.DeliveryInfoView(d.firstName, d.lastName, d.email, d.country, d.city, d.zip,
                        d.address, d.complement, d.state),
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
                order.paymentException == null ? null : order.paymentException.name().toLowerCase(Locale.ROOT),
                order.lifecycleStatus().name(),
                order.createdAt,
                order.updatedAt);
    }

    public CheckoutView toCheckoutView(Order order, String message) {
        PaymentLinks.Link link = links.of(order);
        return new CheckoutView(toView(order), order.id, link.sessionToken(), link.url(), message);
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

    private static OrderView.TransactionView transaction(OrderTransactions.Transaction t) {
        return new OrderView.TransactionView(t.protocol(), t.hash(), t.asset(),
                t.amount() == null ? null : Money.plain(t.amount()).toPlainString(), t.confirmations(),
                t.standing().name().toLowerCase(Locale.ROOT), t.note());
    }
}
