package dev.confirma.api;

import dev.confirma.chain.evm.PaymentUri;
import dev.confirma.common.Money;
import dev.confirma.fraud.FraudReviews;
import dev.confirma.order.DeliveryInfo;
import dev.confirma.order.Order;
import dev.confirma.order.OrderItem;
import dev.confirma.order.OrderQuote;
import dev.confirma.order.OrderTimeline;
import dev.confirma.payment.OrderTransactions;
import dev.confirma.refund.RefundView;
import dev.confirma.refund.Refunds;
import dev.confirma.shopper.PaymentLinks;
import dev.confirma.store.Caller;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Orders as the merchant API shows them; entities never leave as API output. */
@Singleton
class V1OrderMapper {

    /** The ecommerce type of an order made through /v1. */
    static final String SOURCE = "api";

    private final OrderTransactions transactions;
    private final OrderTimeline timeline;
    private final PaymentLinks links;
    private final Refunds refunds;

    private final Caller caller;
    private final FraudReviews fraudReviews;

    V1OrderMapper(OrderTransactions transactions, OrderTimeline timeline, PaymentLinks links, Refunds refunds, Caller caller,
                  FraudReviews fraudReviews) {
        this.fraudReviews = fraudReviews;
        this.caller = caller;
        this.refunds = refunds;
        this.transactions = transactions;
        this.timeline = timeline;
        this.links = links;
    }

    V1OrderView toView(Order order) {
        return toViews(List.of(order)).get(0);
    }

    /** A page of orders: quotes, transactions, items and timelines in a query or two each, whatever the page's size. */
    List<V1OrderView> toViews(List<Order> orders) {
        // the link carries the order's session token, which may claim a payment: not for a read-only key
        return toViews(orders, caller.canWrite());
    }

    /** Orders as an event shows them: outside any request, and without the payment link (its token may claim a payment). */
    V1OrderView toEventView(Order order) {
        return toViews(List.of(order), false).get(0);
    }

    private List<V1OrderView> toViews(List<Order> orders, boolean withLinks) {
        List<String> ids = orders.stream().map(o -> o.id).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, List<OrderQuote>> quotes = OrderQuote.forOrders(ids).stream().collect(Collectors.groupingBy(q -> q.id.orderId));
        Map<String, List<OrderTransactions.Transaction>> paid = transactions.of(ids);
        Map<String, List<OrderItem>> items = OrderItem.forOrders(ids);
        Map<String, List<OrderTimeline.Step>> timelines = timeline.of(orders);
        Map<String, List<RefundView>> refunded = refunds.of(ids);
        Map<String, FraudReviews.Review> reviews = fraudReviews.of(ids);
        return orders.stream().map(order -> toView(order, quotes.getOrDefault(order.id, List.of()),
                paid.getOrDefault(order.id, List.of()), items.getOrDefault(order.id, List.of()), timelines.get(order.id),
                refunded.getOrDefault(order.id, List.of()), reviews.get(order.id), withLinks)).toList();
    }

    private V1OrderView toView(Order order, List<OrderQuote> quotes, List<OrderTransactions.Transaction> paid,
                               List<OrderItem> items, List<OrderTimeline.Step> steps, List<RefundView> refunded,
                               FraudReviews.Review review, boolean withLink) {
        boolean fromApi = madeHere(order);
        return new V1OrderView(
                order.id,
                order.lifecycleStatus().name(),
                order.ecommerceType,
                fromApi ? null : order.ecommerceOrderId,
                order.customerId,
                order.orderCurrency,
                items.stream().map(V1OrderMapper::item).toList(),
                plain(order.subtotal),
                plain(order.taxAmount),
                plain(order.shippingAmount),
                plain(order.orderTotal),
                order.metadata,
                order.callbackUrl,
                withLink ? links.of(order).url() : null,
                new V1OrderView.Shipping(address(order.deliveryInfo), order.carrier, order.trackingNumber),
                payment(order, quotes, paid),
                refunded.stream().map(V1Refunds.Refund::of).toList(),
                steps.stream().map(step -> new V1OrderView.Step(step.status().name(), step.at(), step.actor(),
                        step.reason())).toList(),
                order.createdAt,
                order.updatedAt,
                order.erasedAt,
                review == null ? null : new V1OrderView.FraudReview(review.score(), review.threshold(), review.flagged(),
                        review.fired(), review.held()));
    }

    /** Made through /v1: such an order is its own shop order (a plugin's ecommerce type may be any name, "api" included). */
    static boolean madeHere(Order order) {
        return order.id.equals(order.ecommerceOrderId) && SOURCE.equals(order.ecommerceType);
    }

    private static V1OrderView.Payment payment(Order order, List<OrderQuote> quotes, List<OrderTransactions.Transaction> paid) {
        return new V1OrderView.Payment(
                V1Spelling.of(order.paymentStatus()),
                order.paymentException == null ? null : order.paymentException.name().toLowerCase(Locale.ROOT),
                order.late,
                order.expiresAt,
                order.paymentMethod,
                order.blockchain,
                plain(order.convertedTotal),
                plain(order.amountReceived),
                order.transactionHash,
                quotes.stream().map(V1OrderMapper::quote).toList(),
                paid.stream().map(t -> new V1OrderView.Transaction(t.protocol(), t.hash(), t.asset(), plain(t.amount()),
                        t.confirmations(), t.standing().name().toLowerCase(Locale.ROOT), t.note())).toList());
    }

    static V1OrderView.Quote quote(OrderQuote q) {
        BigDecimal amount = Money.plain(new BigDecimal(q.amountBaseUnits, q.decimals));
        return new V1OrderView.Quote(q.id.protocol, q.chainId, q.id.asset, q.contract, q.decimals, q.address, amount.toPlainString(),
                q.amountBaseUnits.toString(), PaymentUri.eip681(q.contract, q.chainId, q.address, q.amountBaseUnits));
    }

    private static V1OrderView.Item item(OrderItem item) {
        return new V1OrderView.Item(item.sku, item.quantity, plain(item.unitPrice), item.description, plain(item.amount()));
    }

    private static V1OrderView.Address address(DeliveryInfo d) {
        if (d == null) {
            return null;
        }
        return new V1OrderView.Address(d.firstName, d.lastName, d.email, d.address, d.complement, d.city, d.state, d.zip, d.country);
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : Money.plain(amount).toPlainString();
    }
}
