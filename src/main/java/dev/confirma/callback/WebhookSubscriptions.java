package dev.confirma.callback;

import dev.confirma.common.Secrets;
import dev.confirma.common.error.ApiException;
import dev.confirma.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A store's webhook subscriptions: made, changed, deleted and tested here; their events are
 * queued by {@link CallbackOutbox#fanOut}. What the events are is the merchant API's.
 */
@ApplicationScoped
public class WebhookSubscriptions {

    /** Subscriptions a store may have at once. */
    public static final int MAX_PER_STORE = 20;
    public static final String PING = "webhook.ping";
    static final int MAX_LIMIT = 100;

    private final Clock clock;
    private final CallbackOutbox outbox;

    WebhookSubscriptions(Clock clock, CallbackOutbox outbox) {
        this.clock = clock;
        this.outbox = outbox;
    }

    /** A subscription as its store sees it; its secret only once, when it is made. */
    @Schema(name = "WebhookSubscription")
    public record Subscription(String id, String storeId, String url, List<String> events, List<String> headerNames, boolean enabled,
                               String description, Instant failingSince, Instant disabledAt, String disabledReason,
                               Instant createdAt, Instant updatedAt, String secret) {

        static Subscription of(WebhookSubscription s, boolean withSecret) {
            return new Subscription(s.id, s.storeId, s.url, s.eventList(), List.copyOf(WebhookHeaders.parse(s.headers).keySet()), s.enabled,
                    s.description, s.failingSince, s.disabledAt, s.disabledReason, s.createdAt, s.updatedAt,
                    withSecret ? s.secret : null);
        }
    }

    /** What a request sets; an empty field is left as it is (on creation: its default). */
    public record Draft(Optional<String> url, Optional<List<String>> events, Optional<Map<String, String>> headers,
                        Optional<Boolean> enabled, Optional<String> description) {
    }

    @Transactional
    public Subscription create(String storeId, Draft draft) {
        // one store's creations one at a time, so the limit holds under concurrent requests
        Store.findById(storeId, LockModeType.PESSIMISTIC_WRITE);
        if (WebhookSubscription.count("storeId = ?1 and deletedAt is null", storeId) >= MAX_PER_STORE) {
            throw ApiException.conflict("too_many_webhooks", "A store may have at most " + MAX_PER_STORE
                    + " webhook subscriptions; delete one first");
        }
        Instant now = clock.instant();
        WebhookSubscription s = new WebhookSubscription();
        s.id = "wh_" + Secrets.randomToken(18);
        s.storeId = storeId;
        s.url = draft.url().orElseThrow();
        s.events = String.join(",", draft.events().orElseThrow());
        s.headers = WebhookHeaders.format(draft.headers().orElse(Map.of()));
        s.secret = "whsec_" + Secrets.randomToken(32);
        s.enabled = draft.enabled().orElse(true);
        s.description = draft.description().orElse(null);
        s.createdAt = now;
        s.updatedAt = now;
        s.persist();
        return Subscription.of(s, true);
    }

    @Transactional
    public List<Subscription> list(String storeId) {
        return WebhookSubscription.forStore(storeId).stream().map(s -> Subscription.of(s, false)).toList();
    }

    @Transactional
    public Subscription get(String storeId, String id) {
        return Subscription.of(require(storeId, id), false);
    }

    /**
     * Changes what the draft names. Disabled, its events wait (pending, in order); enabled again,
     * they go out, and a subscription the server disabled starts afresh.
     */
    @Transactional
    public Subscription update(String storeId, String id, Draft draft) {
        WebhookSubscription s = lock(storeId, id);
        draft.url().ifPresent(url -> s.url = url);
        draft.events().ifPresent(events -> s.events = String.join(",", events));
        draft.headers().ifPresent(headers -> s.headers = WebhookHeaders.format(headers));
        draft.description().ifPresent(text -> s.description = text);
        draft.enabled().ifPresent(enabled -> {
            if (enabled && !s.enabled) {
                s.disabledAt = null;
                s.disabledReason = null;
                s.failingSince = null;
            }
            s.enabled = enabled;
        });
        s.updatedAt = clock.instant();
        return Subscription.of(s, false);
    }

    /** Deleted: it receives nothing more, and its pending deliveries end dead, unsent. */
    @Transactional
    public void delete(String storeId, String id) {
        WebhookSubscription s = lock(storeId, id);
        s.deletedAt = clock.instant();
        s.enabled = false;
        s.updatedAt = s.deletedAt;
        CallbackDelivery.update("state = ?1, finishedAt = ?2 where subscriptionId = ?3 and state = ?4", CallbackDelivery.State.DEAD,
                s.deletedAt, s.id, CallbackDelivery.State.PENDING);
    }

    /** Queues a test event to the subscription, sent like any other; {@code body} renders it from its event id. */
    @Transactional
    public DeliveryLog ping(String storeId, String id, Function<String, String> body) {
        WebhookSubscription s = require(storeId, id);
        if (!s.enabled) {
            throw ApiException.conflict("webhook_disabled", "Webhook " + id + " is disabled; enable it first (PATCH {\"enabled\": true})");
        }
        String eventId = CallbackOutbox.eventId();
        return DeliveryLog.of(List.of(outbox.toSubscription(s, null, PING, eventId, body.apply(eventId), clock.instant()))).get(0);
    }

    /** A subscription's deliveries, newest first, with their attempts. */
    @Transactional
    public List<DeliveryLog> deliveries(String storeId, String id, int limit, int offset) {
        WebhookSubscription s = require(storeId, id);
        return DeliveryLog.of(CallbackDelivery.<CallbackDelivery>find("subscriptionId = ?1 order by seq desc", s.id)
                .range(offset, offset + limit - 1).list());
    }

    /** Every store's subscriptions the server disabled, newest first: what the operator should look at. */
    @Transactional
    public List<Subscription> disabledByServer() {
        return WebhookSubscription.<WebhookSubscription>list("disabledAt is not null and deletedAt is null order by disabledAt desc")
                .stream().map(s -> Subscription.of(s, false)).toList();
    }

    private static WebhookSubscription require(String storeId, String id) {
        return WebhookSubscription.findForStore(id, storeId).orElseThrow(() -> ApiException.notFound("Webhook " + id + " not found"));
    }

    private static WebhookSubscription lock(String storeId, String id) {
        WebhookSubscription s = require(storeId, id);
        WebhookSubscription.getEntityManager().lock(s, LockModeType.PESSIMISTIC_WRITE);
        WebhookSubscription.getEntityManager().refresh(s);
        if (s.deletedAt != null) {
            throw ApiException.notFound("Webhook " + id + " not found");
        }
        return s;
    }
}
