package dev.confirma.callback;

import dev.confirma.callback.config.WebhooksConfig;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Watches each subscription's deliveries: a failed attempt marks it failing (from then), a
 * delivered one clears that, and a delivery that dies while the subscription has failed
 * without a break for {@code confirma.webhooks.disable-after} disables it. Each is one
 * conditional UPDATE, so attempts recorded side by side cannot undo each other.
 */
@Singleton
class SubscriptionHealth {

    private static final Logger LOG = Logger.getLogger(SubscriptionHealth.class);

    private final WebhooksConfig config;

    SubscriptionHealth(WebhooksConfig config) {
        this.config = config;
    }

    /** In the transaction that records the attempt on {@code delivery}, a subscription's. */
    void afterAttempt(CallbackDelivery delivery, Instant attemptedAt, Instant now) {
        if (delivery.state == CallbackDelivery.State.DELIVERED) {
            // attempts are recorded side by side, in any order: each UPDATE compares attempt times, not arrival
            WebhookSubscription.update("failingSince = null where id = ?1 and failingSince <= ?2", delivery.subscriptionId, attemptedAt);
            WebhookSubscription.update("lastDeliveredAt = ?1 where id = ?2 and (lastDeliveredAt is null or lastDeliveredAt < ?1)",
                    attemptedAt, delivery.subscriptionId);
            return;
        }
        WebhookSubscription.update("failingSince = ?1 where id = ?2 and failingSince is null"
                + " and (lastDeliveredAt is null or lastDeliveredAt < ?1)", attemptedAt, delivery.subscriptionId);
        if (delivery.state == CallbackDelivery.State.DEAD) {
            String reason = "every delivery failed since the first failure, for more than " + config.disableAfter()
                    + "; re-enable it with PATCH /v1/webhooks/" + delivery.subscriptionId + " {\"enabled\": true}";
            int disabled = WebhookSubscription.update("enabled = false, disabledAt = ?1, disabledReason = ?2, updatedAt = ?1"
                            + " where id = ?3 and enabled = true and failingSince <= ?4",
                    now, reason, delivery.subscriptionId, now.minus(config.disableAfter()));
            if (disabled > 0) {
                // the host only: a hook URL often carries its receiver's token in the path
                LOG.warnf("Webhook subscription %s of store %s disabled: its deliveries have all failed for more than %s (host %s)",
                        delivery.subscriptionId, delivery.storeId, config.disableAfter(), java.net.URI.create(delivery.url).getHost());
            }
        }
    }
}
