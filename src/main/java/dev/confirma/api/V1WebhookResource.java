package dev.confirma.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.confirma.api.idempotency.Idempotency;
import dev.confirma.callback.DeliveryLog;
import dev.confirma.callback.WebhookSubscriptions;
import dev.confirma.common.openapi.ApiDocumentation;
import dev.confirma.common.text.QueryNumbers;
import dev.confirma.store.Caller;
import dev.confirma.store.Store;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Webhook subscriptions of the merchant API: which of a store's order events go where. */
@Path("/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocumentation.WEBHOOKS)
@SecurityRequirement(name = ApiDocumentation.STORE_BEARER)
@SecurityRequirement(name = ApiDocumentation.STORE_KEY)
public class V1WebhookResource {

    private final Caller caller;
    private final V1WebhookRequests requests;
    private final WebhookSubscriptions subscriptions;
    private final Idempotency idempotency;
    private final V1Events events;
    private final Clock clock;

    V1WebhookResource(Caller caller, V1WebhookRequests requests, WebhookSubscriptions subscriptions, Idempotency idempotency,
                      V1Events events, Clock clock) {
        this.caller = caller;
        this.requests = requests;
        this.subscriptions = subscriptions;
        this.idempotency = idempotency;
        this.events = events;
        this.clock = clock;
    }

    /** The subscription, with its {@code secret}: shown here only. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe to order events", description = "Each event goes to every enabled subscription of the store"
            + " through the same outbox as the plugin callbacks: signed (`x-webhook-signature`, Standard Webhooks), retried,"
            + " logged. The subscription's `secret` is shown this once. At most 20 per store.")
    @RequestBody(content = @Content(schema = @Schema(implementation = V1ApiSchemas.Webhook.class),
            examples = @ExampleObject(name = "erp", value = V1ApiSchemas.WEBHOOK)))
    @APIResponse(responseCode = "201", description = "The subscription, with its secret",
            content = @Content(schema = @Schema(implementation = Webhook.class)))
    @APIResponse(responseCode = "409", description = "`too_many_webhooks`, or an Idempotency-Key still in flight.")
    @APIResponse(responseCode = "422", description = "`idempotency_key_reused`.")
    public Response create(JsonNode body, @HeaderParam(Idempotency.HEADER) String key) {
        Store store = caller.store();
        return idempotency.once(store.id, key, "POST", "/v1/webhooks", body, 201,
                () -> Webhook.of(subscriptions.create(store.id, requests.forCreate(body))));
    }

    @GET
    @Operation(summary = "List subscriptions", description = "The store's subscriptions; headers by name only, never the secret.")
    @APIResponse(responseCode = "200", description = "`data`: the subscriptions",
            content = @Content(schema = @Schema(implementation = V1ApiSchemas.Webhooks.class)))
    public Map<String, List<Webhook>> list() {
        return Map.of("data", subscriptions.list(caller.store().id).stream().map(Webhook::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a subscription", description = "Its URL, events, header names, state, and why the server disabled"
            + " it if it did.")
    @APIResponse(responseCode = "200", description = "The subscription")
    public Webhook get(@PathParam("id") String id) {
        return Webhook.of(subscriptions.get(caller.store().id, id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a subscription", description = "Any of its fields. `enabled: false` queues nothing new and"
            + " holds what is queued, in order; `enabled: true` sends what waited, and gives a subscription the server"
            + " disabled a fresh start.")
    @RequestBody(content = @Content(schema = @Schema(implementation = V1ApiSchemas.Webhook.class),
            examples = @ExampleObject(name = "pause", value = V1ApiSchemas.WEBHOOK_PATCH)))
    @APIResponse(responseCode = "200", description = "The subscription as changed")
    public Webhook update(@PathParam("id") String id, JsonNode body) {
        return Webhook.of(subscriptions.update(caller.store().id, id, requests.forUpdate(body)));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a subscription", description = "Nothing more is queued for it; its pending deliveries end"
            + " `dead`, unsent.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        subscriptions.delete(caller.store().id, id);
        return Response.noContent().build();
    }

    /** A {@code webhook.ping} event, queued at once and sent like every other; its delivery is answered. */
    @POST
    @Path("/{id}/ping")
    @Operation(summary = "Ping a subscription", description = "Queues a `webhook.ping` event, sent and signed like any other.")
    @APIResponse(responseCode = "202", description = "The ping's delivery", content = @Content(schema = @Schema(implementation = Delivery.class)))
    @APIResponse(responseCode = "409", description = "An Idempotency-Key still in flight.")
    @APIResponse(responseCode = "422", description = "`idempotency_key_reused`.")
    public Response ping(@PathParam("id") String id, @HeaderParam(Idempotency.HEADER) String key) {
        Store store = caller.store();
        return idempotency.once(store.id, key, "POST", "/v1/webhooks/" + id + "/ping", null, 202, () -> {
            Instant at = clock.instant();
            return Delivery.of(subscriptions.ping(store.id, id, eventId -> events.body(eventId, WebhookSubscriptions.PING,
                    Map.of("webhook", Map.of("id", id)), at)));
        });
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "List a subscription's deliveries", description = "Newest first, each with the exact body sent and"
            + " every attempt (status code, latency, the first bytes of the answer, the error).")
    @APIResponse(responseCode = "200", description = "`data`: the deliveries",
            content = @Content(schema = @Schema(implementation = V1ApiSchemas.Deliveries.class)))
    public Map<String, List<Delivery>> deliveries(@PathParam("id") String id,
            @QueryParam("limit") @Parameter(description = "1–100", schema = @Schema(defaultValue = "20")) String limit,
            @QueryParam("offset") @Parameter(schema = @Schema(defaultValue = "0")) String offset) {
        // read as text: a parameter JAX-RS cannot convert would be a bare 404, not a refusal naming it
        int max = QueryNumbers.integer("limit", limit, 20, 1, 100);
        int skip = QueryNumbers.integer("offset", offset, 0, 0, Integer.MAX_VALUE);
        return Map.of("data", subscriptions.deliveries(caller.store().id, id, max, skip).stream().map(Delivery::of).toList());
    }

    /** A delivery of one event to the subscription, in the merchant API's spelling. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "V1WebhookDelivery")
    public record Delivery(String id, String orderId, String webhookId, String event, String url, String state, int attemptCount,
                           Instant nextAttemptAt, Instant createdAt, Instant finishedAt, String redeliveryOf, String body,
                           List<Attempt> attempts) {

        static Delivery of(DeliveryLog d) {
            return new Delivery(d.id(), d.orderId(), d.webhookId(), d.event(), d.url(), d.state(), d.attemptCount(), d.nextAttemptAt(),
                    d.createdAt(), d.finishedAt(), d.redeliveryOf(), d.body(), d.attempts().stream()
                    .map(a -> new Attempt(a.attemptedAt(), a.statusCode(), a.latencyMs(), a.response(), a.error())).toList());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "V1DeliveryAttempt")
    public record Attempt(Instant attemptedAt, Integer statusCode, long latencyMs, String response, String error) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "V1Webhook")
    public record Webhook(String id, String url, List<String> events, List<String> headers, boolean enabled, String description,
                          Instant failingSince, Instant disabledAt, String disabledReason, Instant createdAt, Instant updatedAt,
                          String secret) {

        static Webhook of(WebhookSubscriptions.Subscription s) {
            return new Webhook(s.id(), s.url(), s.events(), s.headerNames(), s.enabled(), s.description(), s.failingSince(),
                    s.disabledAt(), s.disabledReason(), s.createdAt(), s.updatedAt(), s.secret());
        }
    }
}
