package dev.confirma.fraud;

import dev.confirma.common.KeyedHash;
import dev.confirma.order.Actor;
import dev.confirma.order.DeliveryInfo;
import dev.confirma.order.LifecycleStatus;
import dev.confirma.order.LifecycleStatusChanged;
import dev.confirma.order.Order;
import dev.confirma.order.OrderStateMachine;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Scores each new order of a store that has fraud rules, in the transaction that writes it, and
 * holds a flagged order for review the moment the chain pays it: the merchant then releases or
 * cancels it. The timeline's step says which rules fired.
 */
@Singleton
public class FraudScreen {

    /** How a hold for review starts its reason. */
    public static final String REASON = "fraud_review";
    static final Duration WINDOW = Duration.ofHours(1);
    /**
     * After the timeline's step (2500), before the merchant API's events (3000): a paid order held
     * at once is announced as held, never as paid and ready to ship.
     */
    static final int PRIORITY = 2800;

    static final String KEY_NAME = "fraud-hash-key";

    private final OrderStateMachine stateMachine;
    private final KeyedHash hashes;

    FraudScreen(OrderStateMachine stateMachine, KeyedHash hashes) {
        this.stateMachine = stateMachine;
        this.hashes = hashes;
    }

    /**
     * Scores {@code order}, just written; {@code clientIp} is the shopper's address when the
     * creator gave it. A store's screenings run one at a time (its rules row is locked until
     * the order commits), so two orders from one email at once count each other.
     */
    public void screen(Order order, Optional<String> clientIp) {
        FraudRuleSet set = FraudRuleSet.findById(order.storeId, LockModeType.PESSIMISTIC_WRITE);
        if (set == null) {
            return;
        }
        FraudRules rules = FraudRules.fromJson(set.rules);
        Instant since = order.createdAt.minus(WINDOW);
        FraudCheck check = new FraudCheck();
        check.orderId = order.id;
        check.storeId = order.storeId;
        check.threshold = set.threshold;
        check.createdAt = order.createdAt;
        check.emailHash = email(order.deliveryInfo).map(this::hash).orElse(null);
        check.clientIpHash = clientIp.map(this::hash).orElse(null);
        List<String> fired = new ArrayList<>();
        int score = 0;
        if (rules.perEmail() != null && check.emailHash != null) {
            long count = FraudCheck.count("storeId = ?1 and emailHash = ?2 and createdAt > ?3", order.storeId, check.emailHash, since) + 1;
            if (count > rules.perEmail().max()) {
                score += rules.perEmail().score();
                fired.add("orders_per_email_per_hour (" + count + " in the last hour, max " + rules.perEmail().max() + ") +"
                        + rules.perEmail().score());
            }
        }
        if (rules.perClientIp() != null && check.clientIpHash != null) {
            long count = FraudCheck.count("storeId = ?1 and clientIpHash = ?2 and createdAt > ?3", order.storeId, check.clientIpHash,
                    since) + 1;
            if (count > rules.perClientIp().max()) {
                score += rules.perClientIp().score();
                fired.add("orders_per_client_ip_per_hour (" + count + " in the last hour, max " + rules.perClientIp().max() + ") +"
                        + rules.perClientIp().score());
            }
        }
        if (rules.amountAbove() != null) {
            BigDecimal limit = rules.amountAbove().limits().get(order.orderCurrency);
            if (limit != null && order.orderTotal.compareTo(limit) > 0) {
                score += rules.amountAbove().score();
                fired.add("amount_above (" + order.orderTotal.toPlainString() + " " + order.orderCurrency + " > "
                        + limit.toPlainString() + ") +" + rules.amountAbove().score());
            }
        }
        if (rules.countries() != null) {
            Optional<String> country = Optional.ofNullable(order.deliveryInfo).map(d -> d.country)
                    .map(c -> c.trim().toUpperCase(Locale.ROOT));
            if (country.isPresent() && rules.countries().codes().contains(country.get())) {
                score += rules.countries().score();
                fired.add("countries (" + country.get() + ") +" + rules.countries().score());
            }
        }
        check.score = score;
        check.fired = fired.isEmpty() ? null : truncate(String.join("; ", fired));
        check.persist();
    }

    /** A flagged order the chain just paid is held, once: a release back to paid is the merchant's word. */
    void onPaid(@Observes @Priority(PRIORITY) LifecycleStatusChanged change) {
        if (change.to() != LifecycleStatus.PAID || change.from() != LifecycleStatus.CREATED) {
            return;
        }
        FraudCheck check = FraudCheck.findById(change.orderId());
        if (check == null || !check.flagged() || check.heldAt != null) {
            return;
        }
        check.heldAt = change.at();
        stateMachine.moveByStore(Order.findById(change.orderId()), LifecycleStatus.HELD, Actor.SYSTEM, reason(check));
    }

    static String reason(FraudCheck check) {
        return truncate(REASON + ": score " + check.score + " (hold at " + check.threshold + "); "
                + (check.fired == null ? "no rule fired" : check.fired));
    }

    /** Keyed, so a hash cannot be reversed by hashing every IPv4 address or a list of emails. */
    private String hash(String value) {
        return hashes.hex(KEY_NAME, value);
    }

    private static Optional<String> email(DeliveryInfo delivery) {
        return Optional.ofNullable(delivery).map(d -> d.email).map(e -> e.trim().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty());
    }

    private static String truncate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }
}
