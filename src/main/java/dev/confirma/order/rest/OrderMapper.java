package dev.confirma.order.rest;

import dev.confirma.common.Money;
import dev.confirma.config.ServerConfig;
import dev.confirma.order.DeliveryInfo;
import dev.confirma.order.Order;
import dev.confirma.order.SessionTokens;
import dev.confirma.payment.PaymentClaim;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Maps orders to the contract's order object; entities never leave the order package as API output. */
@Singleton
public class OrderMapper {

    private final SessionTokens sessionTokens;
    private final ServerConfig server;

    OrderMapper(SessionTokens sessionTokens, ServerConfig server) {
        this.sessionTokens = sessionTokens;
        this.server = server;
    }

    public OrderView toView(Order order) {
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
                Map.of(),
                List.of(),
                order.expiresAt,
                transactions(order),
                order.paymentMethod,
                order.blockchain,
                order.transactionHash,
                Money.format(order.convertedTotal, order.paymentMethod),
                Money.format(order.amountReceived, order.paymentMethod),
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

    private static List<OrderView.TransactionView> transactions(Order order) {
        return PaymentClaim.forOrder(order.id).stream()
                .map(c -> new OrderView.TransactionView(c.blockchain, c.transactionHash, c.asset, null, 0, "unverified"))
                .toList();
    }
}
