package dev.confirma.api;

import dev.confirma.common.error.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import dev.confirma.common.json.JsonRequest;
import dev.confirma.common.error.ApiException;
import dev.confirma.order.Actor;
import dev.confirma.order.InvalidLifecycleTransitionException;
import dev.confirma.order.LifecycleStatus;
import dev.confirma.order.LifecycleTransitions;
import dev.confirma.order.Order;
import dev.confirma.order.OrderStateMachine;
import dev.confirma.refund.Refunds;
import dev.confirma.store.Store;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lifecycle actions of {@code POST /v1/orders/{id}/{action}}: each names the status it asks
 * for and what its body may say; the state machine decides whether the order may go there.
 */
@Singleton
class V1OrderActions {

    /** What each action asks for, and whether its reason is required. */
    enum Action {
        FULFILL(LifecycleStatus.FULFILLED, false),
        SHIP(LifecycleStatus.SHIPPED, false),
        DELIVER(LifecycleStatus.DELIVERED, false),
        HOLD(LifecycleStatus.HELD, true),
        RELEASE(null, false),
        CANCEL(LifecycleStatus.CANCELLED, false),
        RETURN(LifecycleStatus.RETURNED, false),
        DISPUTE(LifecycleStatus.DISPUTED, true),
        RESOLVE(null, false);

        final LifecycleStatus target;
        final boolean reasonRequired;

        Action(LifecycleStatus target, boolean reasonRequired) {
            this.target = target;
            this.reasonRequired = reasonRequired;
        }

        static Optional<Action> named(String path) {
            for (Action action : values()) {
                if (action.name().toLowerCase(java.util.Locale.ROOT).equals(path)) {
                    return Optional.of(action);
                }
            }
            return Optional.empty();
        }
    }

    /** A dispute's outcome: the merchant keeps the payment (back where it was), or the refunds verified settle it. */
    static final Map<String, Boolean> OUTCOMES = Map.of("reinstated", false, "refunded", true);
    private static final Set<String> SHIPPING_FIELDS = Set.of("carrier", "tracking_number", "reason");
    private static final Set<String> REASON_FIELDS = Set.of("reason");
    private static final Set<String> RESOLVE_FIELDS = Set.of("outcome", "reason");

    private final OrderStateMachine stateMachine;
    private final Refunds refunds;

    V1OrderActions(OrderStateMachine stateMachine, Refunds refunds) {
        this.stateMachine = stateMachine;
        this.refunds = refunds;
    }

    @Transactional
    public Order act(Store store, Actor actor, String orderId, Action action, JsonNode body) {
        Request request = read(action, body);
        Order order = V1Orders.require(store, orderId);
        LifecycleStatus target = switch (action) {
            case RELEASE -> releaseTarget(order);
            case RESOLVE -> resolveTarget(order, request.outcomeRefunded());
            default -> action.target;
        };
        if (order.erasedAt != null && request.trackingNumber().isPresent()) {
            // its personal data is gone for good: a tracking number would bring some back, past any erasure
            throw ApiException.conflict("order_erased", "Order " + orderId + " had its customer's data erased; ship it without a"
                    + " tracking_number");
        }
        if (action == Action.FULFILL || action == Action.SHIP) {
            // before the move: its event shows the order shipped with them (a refused move rolls them back)
            request.carrier().ifPresent(carrier -> order.carrier = carrier);
            request.trackingNumber().ifPresent(number -> order.trackingNumber = number);
        }
        stateMachine.moveByStore(order, target, actor, request.reason().orElse(null));
        Order.flush(); // a concurrent change to this order fails here, as a 409, not at commit
        return order;
    }

    /** A release returns a held order where it was. */
    private static LifecycleStatus releaseTarget(Order order) {
        if (order.lifecycleStatus() != LifecycleStatus.HELD) {
            throw notThere(order, "be released: only a held order is");
        }
        return order.lifecycleBefore();
    }

    private LifecycleStatus resolveTarget(Order order, boolean refunded) {
        if (order.lifecycleStatus() != LifecycleStatus.DISPUTED) {
            throw notThere(order, "be resolved: only a disputed order is");
        }
        if (!refunded) {
            return order.lifecycleBefore();
        }
        if (!refunds.covered(order.id)) {
            throw new InvalidFieldsException(java.util.List.of(new Problem.FieldError("outcome",
                    "outcome refunded needs refunds verified on chain that cover the order; record them with POST /v1/orders/"
                            + order.id + "/refund first")));
        }
        return LifecycleStatus.REFUNDED;
    }

    private static InvalidLifecycleTransitionException notThere(Order order, String asked) {
        return new InvalidLifecycleTransitionException(order.id, order.lifecycleStatus(), null, asked,
                LifecycleTransitions.nextByStore(order.lifecycleStatus(), order.lifecycleBefore()));
    }

    private static Request read(Action action, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            if (action.reasonRequired || action == Action.RESOLVE) {
                throw new InvalidFieldsException(java.util.List.of(new Problem.FieldError(action == Action.RESOLVE ? "outcome" : "reason",
                        (action == Action.RESOLVE ? "outcome" : "reason") + " is required")));
            }
            return new Request(Optional.empty(), Optional.empty(), Optional.empty(), false);
        }
        JsonRequest body = JsonRequest.body(node);
        FieldErrors errors = new FieldErrors();
        boolean shipping = action == Action.FULFILL || action == Action.SHIP;
        V1OrderRequests.unknownFields(node, "", shipping ? SHIPPING_FIELDS : action == Action.RESOLVE ? RESOLVE_FIELDS : REASON_FIELDS,
                errors);
        Optional<String> reason = errors.readOptional(() -> body.optionalText("reason", 500));
        if (action.reasonRequired && reason.isEmpty() && errors.isEmpty()) {
            errors.refuse("reason", "reason is required: say why the order is " + action.target.name().toLowerCase(java.util.Locale.ROOT));
        }
        Optional<String> carrier = errors.readOptional(() -> body.optionalText("carrier", 64));
        Optional<String> tracking = errors.readOptional(() -> body.optionalText("tracking_number", 128));
        boolean refunded = false;
        if (action == Action.RESOLVE) {
            Optional<String> outcome = errors.read(() -> body.requiredText("outcome", 16));
            if (outcome.isPresent() && !OUTCOMES.containsKey(outcome.get())) {
                errors.refuse("outcome", "outcome must be reinstated (back to the status before the dispute) or refunded");
            }
            refunded = outcome.map(OUTCOMES::get).orElse(false) == Boolean.TRUE;
        }
        errors.throwIfAny();
        return new Request(reason, carrier, tracking, refunded);
    }

    private record Request(Optional<String> reason, Optional<String> carrier, Optional<String> trackingNumber,
                           boolean outcomeRefunded) {
    }
}
