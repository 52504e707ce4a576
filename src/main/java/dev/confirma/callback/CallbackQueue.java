package dev.confirma.callback;

import dev.confirma.callback.config.CallbacksConfig;
import dev.confirma.store.ApiKeys;
import dev.confirma.store.Store;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The outbox's two short transactions around each attempt: claiming due deliveries, and
 * recording what came of them. No transaction is open while a callback is on the wire.
 */
@Singleton
public class CallbackQueue {

    private static final Logger LOG = Logger.getLogger(CallbackQueue.class);
    /** Deliveries claimed at once; they belong to different orders, so they may be sent side by side. */
    static final int BATCH = 16;
    static final int MAX_ERROR = 500;

    /**
     * Due rows, oldest first, at most one per order and target (the earliest one still pending:
     * a later event of an order waits until the earlier one to the same target is delivered or
     * dead; a subscription's test events have no order and wait for nothing). SKIP LOCKED lets several server
     * instances claim at once without waiting for, or taking, each other's rows; H2 2.x and
     * PostgreSQL both accept it, so there is one query for both.
     */
    private static final String DUE = "SELECT d.seq FROM callback_deliveries d"
            + " WHERE d.state = 'PENDING' AND d.next_attempt_at <= ?1"
            + " AND NOT EXISTS (SELECT 1 FROM callback_deliveries e"
            + " WHERE e.order_id = d.order_id AND e.state = 'PENDING' AND e.seq < d.seq"
            + " AND COALESCE(e.subscription_id, '') = COALESCE(d.subscription_id, ''))"
            // a disabled subscription's events wait, in order, until it is enabled again
            + " AND (d.subscription_id IS NULL OR EXISTS (SELECT 1 FROM webhook_subscriptions s"
            + " WHERE s.id = d.subscription_id AND s.enabled = TRUE))"
            + " ORDER BY d.seq FETCH FIRST " + BATCH + " ROWS ONLY FOR UPDATE SKIP LOCKED";

    private final Clock clock;
    private final ApiKeys apiKeys;
    private final CallbackBodies bodies;
    private final RetrySchedule schedule;
    private final Duration lease;
    private final SubscriptionHealth health;
    private final CallbackMetrics metrics;

    CallbackQueue(Clock clock, ApiKeys apiKeys, CallbackBodies bodies, RetrySchedule schedule, CallbacksConfig config,
                  SubscriptionHealth health, CallbackMetrics metrics) {
        this.metrics = metrics;
        this.health = health;
        this.bodies = bodies;
        this.apiKeys = apiKeys;
        this.clock = clock;
        this.schedule = schedule;
        // no other worker takes a claimed row until its attempt has certainly ended, or its server died
        this.lease = config.connectTimeout().plus(config.timeout()).plusSeconds(5);
    }

    /**
     * A claimed delivery: everything needed to send it, read in the claiming transaction.
     * {@code apiKey}: the store's key for the x-api-key header, or null when none can be sent.
     */
    public record Claimed(long seq, String id, String url, String webhookId, String body, String secret, String apiKey,
                          Map<String, String> extraHeaders) {
    }

    /**
     * Claims the deliveries due now, leasing them until their attempt has surely ended: a server
     * that dies mid-attempt leaves them to be sent again when the lease runs out.
     */
    public List<Claimed> claimDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            @SuppressWarnings("unchecked")
            List<Number> seqs = CallbackDelivery.getEntityManager().createNativeQuery(DUE)
                    .setParameter(1, now)
                    .getResultList();
            if (seqs.isEmpty()) {
                return List.of();
            }
            List<CallbackDelivery> due = CallbackDelivery.bySeq(seqs.stream().map(Number::longValue).toList());
            List<Claimed> claimed = new ArrayList<>();
            for (CallbackDelivery delivery : due) {
                claim(delivery, now).ifPresent(claimed::add);
            }
            return claimed;
        });
    }

    private Optional<Claimed> claim(CallbackDelivery delivery, Instant now) {
        if (delivery.subscriptionId != null) {
            return claimForSubscription(delivery, now);
        }
        if (delivery.body == null) {
            delivery.body = bodies.render(delivery);
        }
        delivery.nextAttemptAt = now.plus(lease);
        Store store = Store.findById(delivery.storeId);
        return Optional.of(new Claimed(delivery.seq, delivery.id, delivery.url, delivery.webhookId, delivery.body,
                store.webhookSecret, apiKeys.forCallbacks(store.id).orElse(null), Map.of()));
    }

    /**
     * Signed with the subscription's secret, with its headers, to its URL now (a changed URL is
     * where its pending events go, and the log says so). Deleted since it was due: never sent;
     * disabled since: it waits.
     */
    private Optional<Claimed> claimForSubscription(CallbackDelivery delivery, Instant now) {
        WebhookSubscription subscription = WebhookSubscription.findById(delivery.subscriptionId);
        if (subscription.deletedAt != null) {
            recordAttempt(delivery.seq, now, CallbackSender.Outcome.failed(0, "not sent: the subscription was deleted"));
            finish(delivery, CallbackDelivery.State.DEAD, now);
            return Optional.empty();
        }
        if (!subscription.enabled) {
            return Optional.empty();
        }
        delivery.url = subscription.url;
        delivery.nextAttemptAt = now.plus(lease);
        return Optional.of(new Claimed(delivery.seq, delivery.id, subscription.url, delivery.webhookId, delivery.body,
                subscription.secret, null, WebhookHeaders.parse(subscription.headers)));
    }

    /** Records an attempt and decides what follows: delivered, dead, or the next attempt's time. */
    public void record(long seq, Instant attemptedAt, CallbackSender.Outcome outcome) {
        QuarkusTransaction.requiringNew().run(() -> {
            CallbackDelivery delivery = CallbackDelivery.findById(seq);
            Instant now = clock.instant();
            CallbackAttempt attempt = recordAttempt(seq, attemptedAt, outcome);
            if (delivery.state != CallbackDelivery.State.PENDING) {
                return; // a duplicate attempt after a lease ran out: the delivery was already settled
            }
            delivery.attemptCount++;
            if (outcome.delivered()) {
                finish(delivery, CallbackDelivery.State.DELIVERED, now);
                metrics.attempted("delivered");
                metrics.delivered(delivery.event, Duration.between(delivery.createdAt, now));
            } else if (outcome.gone()) {
                finish(delivery, CallbackDelivery.State.DEAD, now);
                metrics.attempted("dead");
                LOG.warnf("Callback %s %s to host %s: the receiver answered 410 Gone; not retried", delivery.id,
                        CallbackLogText.subject(delivery), CallbackLogText.host(delivery.url));
            } else {
                String reason = attempt.error != null ? attempt.error : "HTTP " + attempt.statusCode;
                schedule.next(delivery.attemptCount, now, RetrySchedule.retryAfter(outcome.retryAfter(), now)).ifPresentOrElse(
                        next -> {
                            delivery.nextAttemptAt = next;
                            metrics.attempted("failed");
                            LOG.warnf("Callback %s %s to host %s failed (attempt %d): %s; next attempt at %s", delivery.id,
                                    CallbackLogText.subject(delivery), CallbackLogText.host(delivery.url), delivery.attemptCount, reason, next);
                        },
                        () -> {
                            finish(delivery, CallbackDelivery.State.DEAD, now);
                            metrics.attempted("dead");
                            LOG.warnf("Callback %s %s to host %s is dead after %d attempts; last: %s", delivery.id,
                                    CallbackLogText.subject(delivery), CallbackLogText.host(delivery.url), delivery.attemptCount, reason);
                        });
            }
            if (delivery.subscriptionId != null) {
                health.afterAttempt(delivery, attemptedAt, now);
            }
        });
    }

    private CallbackAttempt recordAttempt(long seq, Instant attemptedAt, CallbackSender.Outcome outcome) {
        CallbackAttempt attempt = new CallbackAttempt();
        attempt.id = UUID.randomUUID().toString();
        attempt.deliverySeq = seq;
        attempt.attemptedAt = attemptedAt;
        attempt.statusCode = outcome.statusCode().orElse(null);
        attempt.latencyMs = outcome.latencyMillis();
        attempt.responseExcerpt = outcome.responseExcerpt();
        attempt.error = truncate(error(outcome));
        attempt.persist();
        return attempt;
    }

    private static void finish(CallbackDelivery delivery, CallbackDelivery.State state, Instant now) {
        delivery.state = state;
        delivery.finishedAt = now;
    }

    private static String error(CallbackSender.Outcome outcome) {
        if (outcome.error() != null) {
            return outcome.error();
        }
        int status = outcome.statusCode().orElseThrow();
        if (status >= 300 && status < 400) {
            return "redirect" + (outcome.location() != null ? " to " + outcome.location() : "") + " not followed";
        }
        if (status == 410) {
            return "the receiver is gone (410): no more attempts";
        }
        return status >= 200 && status < 300 ? null : "HTTP " + status;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }
}
