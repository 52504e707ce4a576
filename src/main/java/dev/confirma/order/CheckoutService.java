package dev.confirma.order;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confirma.common.error.ApiException;
import dev.confirma.order.config.CheckoutConfig;
import dev.confirma.rates.Pricer;
import dev.confirma.store.Store;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.exception.ConstraintViolationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Turns a plugin's checkout into an order, at most once: the same shop order posted again
 * while unpaid, or the same {@code Idempotency-Key} sent again, returns the order already made.
 */
@ApplicationScoped
public class CheckoutService {

    /** How long an Idempotency-Key is remembered, as Stripe does. */
    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final CheckoutRequests requests;
    private final OrderPricing pricing;
    private final OrderStateMachine stateMachine;
    private final CheckoutConfig config;
    private final Clock clock;

    CheckoutService(CheckoutRequests requests, OrderPricing pricing, OrderStateMachine stateMachine, CheckoutConfig config,
                    Clock clock) {
        this.requests = requests;
        this.pricing = pricing;
        this.stateMachine = stateMachine;
        this.config = config;
        this.clock = clock;
    }

    public Result checkout(Store caller, JsonNode body, Optional<String> idempotencyKey) {
        if (!caller.id.equals(requests.storeId(body))) {
            throw ApiException.forbidden("store does not belong to this API key");
        }
        NewCheckout checkout = requests.read(body);
        Optional<String> key = idempotencyKey.map(String::trim).filter(k -> !k.isEmpty()).map(CheckoutService::validKey);
        String fingerprint = CanonicalJson.sha256(body);
        // Priced before the transaction: a stale rate may mean a provider request, never inside a transaction.
        // A failure only matters if a new order is needed; a re-post still returns the existing one.
        Supplier<Pricer.Pricing> priced = price(caller, checkout);
        try {
            return QuarkusTransaction.requiringNew().call(() -> attempt(caller, checkout, key, fingerprint, priced));
        } catch (ConstraintViolationException concurrentTwin) {
            // A concurrent request for the same shop order or key committed first; now we find its order.
            return QuarkusTransaction.requiringNew().call(() -> attempt(caller, checkout, key, fingerprint, priced));
        }
    }

    private Supplier<Pricer.Pricing> price(Store store, NewCheckout checkout) {
        try {
            Pricer.Pricing result = pricing.price(store, checkout);
            return () -> result;
        } catch (ApiException unpriceable) {
            return () -> {
                throw unpriceable;
            };
        }
    }

    private Result attempt(Store store, NewCheckout checkout, Optional<String> key, String fingerprint,
                           Supplier<Pricer.Pricing> priced) {
        Instant now = clock.instant();
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
            result = new Result(create(store, checkout, priced.get(), now), Outcome.CREATED);
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

    private Order create(Store store, NewCheckout checkout, Pricer.Pricing prices, Instant now) {
        Order order = new Order();
        order.id = UUID.randomUUID().toString();
        order.storeId = store.id;
        order.ecommerceOrderId = checkout.ecommerceOrderId();
        order.ecommerceType = checkout.ecommerceType();
        order.orderTotal = checkout.orderTotal();
        order.orderCurrency = checkout.orderCurrency();
        order.status = "open";
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
        stateMachine.open(order, checkout.initialStatus());
        order.persist();
        pricing.attach(order, store, prices);
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
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw ApiException.invalidField("Idempotency-Key", "Idempotency-Key must be 1 to 255 visible ASCII characters");
        }
        return key;
    }

    public enum Outcome { CREATED, EXISTING, REPLAYED }

    public record Result(Order order, Outcome outcome) {
    }
}
