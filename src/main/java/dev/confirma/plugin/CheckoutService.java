package dev.confirma.plugin;

import dev.confirma.fraud.FraudScreen;
import dev.confirma.order.DeliveryInfo;
import dev.confirma.order.Actor;
import dev.confirma.order.Order;
import dev.confirma.order.OrderStateMachine;
import dev.confirma.order.PaymentStatus;
import dev.confirma.payment.OrderPricing;
import com.fasterxml.jackson.databind.JsonNode;
import dev.confirma.common.Contention;
import dev.confirma.common.json.CanonicalJson;
import dev.confirma.common.text.IdempotencyKeys;
import dev.confirma.common.error.ApiException;
import dev.confirma.common.DomainException;
import dev.confirma.rates.UnpricedCurrencyException;
import dev.confirma.order.config.CheckoutConfig;
import dev.confirma.payment.UniqueAmounts;
import dev.confirma.rates.Pricer;
import dev.confirma.store.Store;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Turns a plugin's checkout into an order, at most once: the same shop order posted again
 * while unpaid, or the same {@code Idempotency-Key} sent again, returns the order already made.
 */
@ApplicationScoped
public class CheckoutService {

    /** How long an Idempotency-Key is remembered, as Stripe does. */
    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
    /** Attempts after a lost race: each sees what the winner committed, so a second loss is rare and a third rarer. */
    private static final int RACE_ATTEMPTS = 3;

    private final CheckoutRequests requests;
    private final OrderPricing pricing;
    private final OrderStateMachine stateMachine;
    private final FraudScreen fraud;
    private final CheckoutConfig config;
    private final Clock clock;

    CheckoutService(CheckoutRequests requests, OrderPricing pricing, OrderStateMachine stateMachine, CheckoutConfig config,
                    Clock clock, FraudScreen fraud) {
        this.fraud = fraud;
        this.requests = requests;
        this.pricing = pricing;
        this.stateMachine = stateMachine;
        this.config = config;
        this.clock = clock;
    }

    public Result checkout(Store caller, Actor actor, JsonNode body, Optional<String> idempotencyKey) {
        if (!caller.id.equals(requests.storeId(body))) {
            throw ApiException.forbidden("store does not belong to this API key");
        }
        NewCheckout checkout = requests.read(body);
        Optional<String> key = idempotencyKey.map(String::trim).filter(k -> !k.isEmpty()).map(CheckoutService::validKey);
        String fingerprint = CanonicalJson.sha256(body);
        String orderId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        // Priced and given its unique amounts before the order's transaction: a stale rate may mean a
        // provider request, and the amounts are handed out in short transactions of their own, so
        // neither holds the order's transaction open. Amounts are reserved only when a new order
        // looks needed, so a re-post or a refused replay writes nothing; a pricing failure only
        // matters if a new order is needed.
        try {
            Supplier<OrderPricing.Reserved> reserved = QuarkusTransaction.requiringNew().call(() -> needsNewOrder(caller, checkout, key, now))
                    ? reserve(caller, checkout, orderId, now)
                    : NOT_RESERVED;
            try {
                return settle(QuarkusTransaction.requiringNew().call(() -> attempt(caller, actor, checkout, key, fingerprint, orderId, reserved, now)),
                        reserved, orderId, now);
            } catch (RuntimeException retry) {
                if (!(retry instanceof NotReserved) && !Contention.isRace(retry)) {
                    throw retry;
                }
                // A concurrent request for the same shop order or key committed first, and now we find its
                // order; or the order the first look found was gone (paid, cancelled) and a new one is due; or
                // the watcher, the expiry sweep or a PUT changed the order this one was expiring.
                Supplier<OrderPricing.Reserved> again = reserved == NOT_RESERVED ? reserve(caller, checkout, orderId, now) : reserved;
                return settle(Contention.retrying(RACE_ATTEMPTS, () -> QuarkusTransaction.requiringNew().call(
                        () -> attempt(caller, actor, checkout, key, fingerprint, orderId, again, now))), again, orderId, now);
            }
        } catch (RuntimeException failed) {
            release(orderId, now);
            throw failed;
        }
    }

    /** Frees the amounts reserved for a new order when the answer is an existing one. */
    private static Result settle(Result result, Supplier<OrderPricing.Reserved> reserved, String orderId, Instant now) {
        if (result.outcome() != Outcome.CREATED && reserved != NOT_RESERVED) {
            release(orderId, now);
        }
        return result;
    }

    /** A read-only first look: whether this post will make a new order rather than return one. */
    private static boolean needsNewOrder(Store store, NewCheckout checkout, Optional<String> key, Instant now) {
        if (key.isPresent() && IdempotencyKey.findByIdOptional(new IdempotencyKey.Id(store.id, key.get())).isPresent()) {
            return false;
        }
        return Order.findUnpaid(store.id, checkout.ecommerceOrderId())
                .map(unpaid -> unpaid.paymentStatus() == PaymentStatus.PENDING && !now.isBefore(unpaid.expiresAt))
                .orElse(true);
    }

    /** No amounts were reserved: the first look found an order to return. */
    private static final Supplier<OrderPricing.Reserved> NOT_RESERVED = () -> {
        throw new NotReserved();
    };

    /** The first look found an order to return, but by the time of the order's transaction a new one was due. */
    private static final class NotReserved extends RuntimeException {
        NotReserved() {
            super("a new order is due after all; its amounts are reserved and the checkout tried again", null, false, false);
        }
    }

    private Supplier<OrderPricing.Reserved> reserve(Store store, NewCheckout checkout, String orderId, Instant now) {
        try {
            Pricer.Pricing prices = pricing.price(store, checkout.orderTotal(), checkout.orderCurrency());
            OrderPricing.Reserved result = pricing.reserve(orderId, prices, now, now.plus(config.expiry()).plus(config.monitoring()));
            return () -> result;
        } catch (UnpricedCurrencyException unpriced) {
            ApiException refused = ApiException.invalidField("orderCurrency", "orderCurrency " + unpriced.getMessage());
            return () -> {
                throw refused;
            };
        } catch (DomainException | ApiException unpriceable) {
            return () -> {
                throw unpriceable;
            };
        }
    }

    /** Frees the amounts reserved for an order that was not written (a re-post, a replay, a refusal). */
    private static void release(String orderId, Instant now) {
        QuarkusTransaction.requiringNew().run(() -> UniqueAmounts.release(orderId, now));
    }

    private Result attempt(Store store, Actor actor, NewCheckout checkout, Optional<String> key, String fingerprint, String orderId,
                           Supplier<OrderPricing.Reserved> reserved, Instant now) {
        if (key.isPresent()) {
            Optional<Result> replay = replay(store.id, key.get(), fingerprint, now);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        Optional<Order> unpaid = Order.findUnpaid(store.id, checkout.ecommerceOrderId());
        if (unpaid.isPresent() && stateMachine.expireIfDue(unpaid.get())) {
            Order.flush(); // free the shop order number before the new order claims it
            unpaid = Optional.empty();
        }
        Result result;
        if (unpaid.isPresent()) {
            requireSameTotal(unpaid.get(), checkout);
            result = new Result(unpaid.get(), Outcome.EXISTING);
        } else {
            result = new Result(create(store, actor, checkout, orderId, reserved.get(), now), Outcome.CREATED);
        }
        key.ifPresent(k -> remember(store.id, k, fingerprint, result.order(), now));
        Order.flush(); // surface a unique-key race here, where checkout() can retry it
        return result;
    }

    private Optional<Result> replay(String storeId, String key, String fingerprint, Instant now) {
        IdempotencyKey known = IdempotencyKey.findById(new IdempotencyKey.Id(storeId, key));
        if (known == null) {
            return Optional.empty();
        }
        if (known.createdAt.isBefore(now.minus(IDEMPOTENCY_WINDOW))) {
            known.delete();
            Order.flush();
            return Optional.empty();
        }
        if (!known.requestHash.equals(fingerprint)) {
            throw ApiException.unprocessable("idempotency_key_reused",
                    "This Idempotency-Key was already used with a different request body; use a new key for a new checkout");
        }
        return Optional.of(new Result(Order.findById(known.orderId), Outcome.REPLAYED));
    }

    private static void requireSameTotal(Order existing, NewCheckout checkout) {
        boolean same = existing.orderTotal.compareTo(checkout.orderTotal()) == 0
                && existing.orderCurrency.equals(checkout.orderCurrency());
        if (!same) {
            throw ApiException.conflict("unpaid_order_differs", "An unpaid order (" + existing.id + ") for ecommerceOrderId "
                    + existing.ecommerceOrderId + " already exists with another total; cancel it with"
                    + " PUT /plugins/checkout/" + existing.id + " {\"paymentStatus\":\"cancelled\"} before posting a new total");
        }
    }

    private Order create(Store store, Actor actor, NewCheckout checkout, String orderId, OrderPricing.Reserved prices, Instant now) {
        Order order = new Order();
        order.id = orderId;
        order.storeId = store.id;
        order.ecommerceOrderId = checkout.ecommerceOrderId();
        order.ecommerceType = checkout.ecommerceType();
        order.orderTotal = checkout.orderTotal();
        order.orderCurrency = checkout.orderCurrency();
        order.callbackUrl = checkout.callbackUrl();
        order.cancelReturnUrl = checkout.cancelReturnUrl().orElse(null);
        order.successReturnUrl = checkout.successReturnUrl().orElse(null);
        order.deliveryInfo = delivery(checkout.delivery());
        order.storeMarkupPercentage = store.markupPercentage;
        order.storeDiscountPercentage = store.discountPercentage;
        order.expiresAt = now.plus(config.expiry());
        order.monitoredUntil = order.expiresAt.plus(config.monitoring());
        order.createdAt = now;
        order.updatedAt = now;
        stateMachine.open(order, checkout.initialStatus(), actor);
        order.persist();
        pricing.attach(order, store, prices);
        // a plugin's checkout comes from the shop's server: it has no shopper address to give
        fraud.screen(order, Optional.empty());
        stateMachine.announceCreated(order);
        return order;
    }

    private static DeliveryInfo delivery(NewCheckout.Delivery d) {
        DeliveryInfo info = new DeliveryInfo();
        info.firstName = d.firstName();
        info.lastName = d.lastName();
        info.email = d.email();
        info.country = d.country();
        info.city = d.city().orElse(null);
        info.zip = d.zip().orElse(null);
        info.address = d.address().orElse(null);
        info.complement = d.complement().orElse(null);
        info.state = d.state().orElse(null);
        return info;
    }

    private static void remember(String storeId, String key, String fingerprint, Order order, Instant now) {
        IdempotencyKey row = new IdempotencyKey();
        row.id = new IdempotencyKey.Id(storeId, key);
        row.requestHash = fingerprint;
        row.orderId = order.id;
        row.createdAt = now;
        row.persist();
    }

    private static String validKey(String key) {
        if (!IdempotencyKeys.isWellFormed(key)) {
            throw ApiException.invalidField("Idempotency-Key", "Idempotency-Key must be 1 to 255 visible ASCII characters");
        }
        return key;
    }

    public enum Outcome { CREATED, EXISTING, REPLAYED }

    public record Result(Order order, Outcome outcome) {
    }
}
