package dev.confirma.api;

import dev.confirma.common.error.Problem;
import dev.confirma.common.error.ApiException;
import dev.confirma.fraud.FraudScreen;
import dev.confirma.order.Actor;
import dev.confirma.order.DeliveryInfo;
import dev.confirma.order.Order;
import dev.confirma.order.OrderItem;
import dev.confirma.order.OrderStateMachine;
import dev.confirma.order.PaymentStatus;
import dev.confirma.payment.OrderPricing;
import dev.confirma.payment.UniqueAmounts;
import dev.confirma.rates.Pricer;
import dev.confirma.rates.UnpricedCurrencyException;
import dev.confirma.order.config.CheckoutConfig;
import dev.confirma.store.Store;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Makes orders from the merchant API's requests; the state machine opens them, as it does a plugin's. */
@Singleton
class V1Orders {

    private final OrderPricing pricing;
    private final OrderStateMachine stateMachine;
    private final CheckoutConfig config;
    private final Clock clock;
    private final FraudScreen fraud;

    V1Orders(OrderPricing pricing, OrderStateMachine stateMachine, CheckoutConfig config, Clock clock, FraudScreen fraud) {
        this.fraud = fraud;
        this.pricing = pricing;
        this.stateMachine = stateMachine;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Prices the order and reserves its unique amounts in short transactions of their own (a stale
     * rate may mean a provider request), then writes it; the amounts are freed if it is not written.
     */
    String create(Store store, Actor actor, NewOrder request) {
        String orderId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(request.expiresIn());
        Instant monitoredUntil = expiresAt.plus(config.monitoring());
        Pricer.Pricing prices;
        try {
            prices = pricing.price(store, request.total(), request.currency());
        } catch (UnpricedCurrencyException unpriced) {
            throw new InvalidFieldsException(List.of(new Problem.FieldError("currency", "currency " + unpriced.getMessage())));
        }
        OrderPricing.Reserved reserved = pricing.reserve(orderId, prices, now, monitoredUntil);
        try {
            return QuarkusTransaction.requiringNew().call(() -> write(store, actor, request, orderId, reserved, now, expiresAt,
                    monitoredUntil));
        } catch (RuntimeException failed) {
            QuarkusTransaction.requiringNew().run(() -> UniqueAmounts.release(orderId, now));
            throw failed;
        }
    }

    private String write(Store store, Actor actor, NewOrder request, String orderId, OrderPricing.Reserved reserved, Instant now,
                         Instant expiresAt, Instant monitoredUntil) {
        Order order = new Order();
        order.id = orderId;
        order.storeId = store.id;
        // a merchant API order has no shop order number: its own id keeps the one-unpaid-order key unique
        order.ecommerceOrderId = orderId;
        order.ecommerceType = V1OrderMapper.SOURCE;
        order.customerId = request.customerId().orElse(null);
        order.subtotal = request.subtotal();
        order.taxAmount = request.tax();
        order.shippingAmount = request.shipping();
        order.orderTotal = request.total();
        order.orderCurrency = request.currency();
        order.metadata = request.metadataJson().orElse(null);
        order.callbackUrl = request.callbackUrl().orElse(null);
        order.deliveryInfo = request.shippingAddress().map(V1Orders::delivery).orElse(null);
        order.storeMarkupPercentage = store.markupPercentage;
        order.storeDiscountPercentage = store.discountPercentage;
        order.expiresAt = expiresAt;
        order.monitoredUntil = monitoredUntil;
        order.createdAt = now;
        order.updatedAt = now;
        stateMachine.open(order, PaymentStatus.PENDING, actor);
        order.persist();
        List<NewOrder.Item> items = request.items();
        for (int line = 0; line < items.size(); line++) {
            NewOrder.Item item = items.get(line);
            new OrderItem(orderId, line + 1, item.sku(), item.quantity(), item.unitPrice(), item.description().orElse(null)).persist();
        }
        pricing.attach(order, store, reserved);
        fraud.screen(order, request.clientIp());
        stateMachine.announceCreated(order);
        return orderId;
    }

    private static DeliveryInfo delivery(NewOrder.Address a) {
        DeliveryInfo info = new DeliveryInfo();
        info.firstName = a.firstName().orElse(null);
        info.lastName = a.lastName().orElse(null);
        info.email = a.email().orElse(null);
        info.address = a.line1().orElse(null);
        info.complement = a.line2().orElse(null);
        info.city = a.city().orElse(null);
        info.state = a.state().orElse(null);
        info.zip = a.postalCode().orElse(null);
        info.country = a.country().orElse(null);
        return info;
    }

    static Order require(Store store, String orderId) {
        return Order.findForStore(orderId, store.id).orElseThrow(() -> ApiException.notFound("Order " + orderId + " not found"));
    }

}
