package dev.confirma.api;

import dev.confirma.common.error.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.confirma.api.idempotency.Idempotency;
import dev.confirma.common.error.ApiException;
import dev.confirma.common.json.JsonRequest;
import dev.confirma.common.openapi.ApiDocumentation;
import dev.confirma.order.Actor;
import dev.confirma.order.Order;
import dev.confirma.store.Caller;
import dev.confirma.store.Store;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The merchant Orders API (CONTRACT §7): parses, authorises by the store's key, maps; the services act. */
@Path("/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocumentation.ORDERS_API)
@SecurityRequirement(name = ApiDocumentation.STORE_BEARER)
@SecurityRequirement(name = ApiDocumentation.STORE_KEY)
public class V1OrderResource {

    static final int MAX_BULK = 100;

    private final Caller caller;
    private final V1OrderRequests requests;
    private final V1Orders orders;
    private final V1OrderActions actions;
    private final V1Payments payments;
    private final V1OrderSearch search;
    private final V1OrderMapper mapper;
    private final Idempotency idempotency;
    private final V1Refunds refunds;

    V1OrderResource(Caller caller, V1OrderRequests requests, V1Orders orders, V1OrderActions actions, V1Payments payments,
                    V1OrderSearch search, V1OrderMapper mapper, Idempotency idempotency, V1Refunds refunds) {
        this.refunds = refunds;
        this.idempotency = idempotency;
        this.caller = caller;
        this.requests = requests;
        this.orders = orders;
        this.actions = actions;
        this.payments = payments;
        this.search = search;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an order", description = "Items, tax, shipping, customer and metadata; the server computes"
            + " subtotal, total and the quotes, and answers the order with its `payment_url` (the hosted page).")
    @RequestBody(content = @Content(schema = @Schema(implementation = V1ApiSchemas.NewOrder.class),
            examples = @ExampleObject(name = "coffee", summary = "docs/orders-api.md's walk-through", value = V1ApiSchemas.NEW_ORDER)))
    @APIResponse(responseCode = "201", description = "The order", content = @Content(schema = @Schema(implementation = V1OrderView.class),
            examples = @ExampleObject(name = "created", value = V1ApiSchemas.ORDER_CREATED)))
    @APIResponse(responseCode = "400", description = "Every invalid field, named at once in `errors`.",
            content = @Content(examples = @ExampleObject(name = "invalid_request", value = V1ApiSchemas.INVALID_ORDER)))
    @APIResponse(responseCode = "409", description = "`idempotency_key_in_flight`: a request with this key is still running.")
    @APIResponse(responseCode = "422", description = "`idempotency_key_reused`: this Idempotency-Key came with another request.")
    @APIResponse(responseCode = "429", description = "Too many checkouts for this store in this window.")
    @APIResponse(responseCode = "503", description = "`rates_unavailable`: no fresh market rate prices the currency now.")
    public Response create(JsonNode body, @HeaderParam(Idempotency.HEADER) String key) {
        Store store = caller.store();
        return idempotency.once(store.id, key, "POST", "/v1/orders", body, 201,
                () -> view(orders.create(store, actor(), requests.read(body))));
    }

    @GET
    @Operation(summary = "List orders", description = "The store's orders, newest first. An unknown parameter is refused.")
    @Parameter(name = "customer_id", in = ParameterIn.QUERY)
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "One or several lifecycle statuses, comma-separated:"
            + " CREATED, PAID, FULFILLED, SHIPPED, DELIVERED, HELD, CANCELLED, RETURNED, REFUNDED, DISPUTED")
    @Parameter(name = "created_after", in = ParameterIn.QUERY, description = "ISO-8601 date or date-time")
    @Parameter(name = "created_before", in = ParameterIn.QUERY, description = "ISO-8601 date or date-time")
    @Parameter(name = "amount_min", in = ParameterIn.QUERY, description = "On `total`, a decimal")
    @Parameter(name = "amount_max", in = ParameterIn.QUERY, description = "On `total`, a decimal")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "1–100", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20"))
    @Parameter(name = "offset", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0"))
    @APIResponse(responseCode = "200", description = "`data`, `total_count`, `has_more`")
    public Page list(@Context UriInfo uri) {
        V1OrderSearch.Found found = search.find(caller.store().id, search.criteria(uri.getQueryParameters()));
        return new Page(mapper.toViews(found.orders()), found.totalCount(), found.hasMore());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an order", description = "Items, shipping, payment (status, quotes, transactions, amounts),"
            + " refunds, the timeline of every lifecycle move, and the fraud review.")
    @APIResponse(responseCode = "200", description = "The order")
    public V1OrderView get(@PathParam("id") String id) {
        return view(id);
    }

    @POST
    @Path("/{id}/pay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pay an order", description = "The quotes and `payment_url`; with `transaction_hash` (and optionally"
            + " `chain`, `asset`), a claim verified on chain exactly as the plugin's hash: the payment goes `on_hold` until the"
            + " watcher confirms it.")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = V1ApiSchemas.Pay.class),
            examples = @ExampleObject(name = "claim", value = V1ApiSchemas.CLAIM)))
    @APIResponse(responseCode = "200", description = "How to pay it, and its payment status",
            content = @Content(schema = @Schema(implementation = V1Payments.PayView.class)))
    @APIResponse(responseCode = "409", description = "`transaction_already_used` (the chain credited this hash to another"
            + " order), `order_not_payable`, or an Idempotency-Key still in flight.")
    @APIResponse(responseCode = "422", description = "`idempotency_key_reused`.")
    public Response pay(@PathParam("id") String id, JsonNode body, @HeaderParam(Idempotency.HEADER) String key) {
        Store store = caller.store();
        return idempotency.once(store.id, key, "POST", "/v1/orders/" + id + "/pay", body, 200,
                () -> payments.pay(store, id, payments.read(body)));
    }

    /** A refund of the order, checked on its chain when it names the transaction that paid it back. */
    @POST
    @Path("/{id}/refund")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Refund an order", description = "Records a refund; with its transaction hash it is verified on the"
            + " order's chain (native value or ERC-20 Transfer to `to_address`, at depth). Once verified refunds cover the"
            + " amount due, the order becomes REFUNDED.")
    @RequestBody(content = @Content(schema = @Schema(implementation = V1ApiSchemas.Refund.class),
            examples = @ExampleObject(name = "paid back", value = V1ApiSchemas.REFUND)))
    @APIResponse(responseCode = "201", description = "The refund: `verified`, `pending` or `unverified`",
            content = @Content(schema = @Schema(implementation = V1Refunds.Refund.class)))
    @APIResponse(responseCode = "409", description = "The order's status takes no refund, or `transaction_already_refunded`.")
    @APIResponse(responseCode = "422", description = "The mined transaction does not pay this refund (reverted, another"
            + " recipient, less, another token): nothing stored. Or `idempotency_key_reused`.")
    public Response refund(@PathParam("id") String id, JsonNode body, @HeaderParam(Idempotency.HEADER) String key) {
        Store store = caller.store();
        return idempotency.once(store.id, key, "POST", "/v1/orders/" + id + "/refund", body, 201,
                () -> refunds.request(store, actor(), id, body));
    }

    @POST
    @Path("/{id}/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move an order through its lifecycle", description = "fulfill, ship, deliver, hold, release (a held"
            + " order back to PAID), cancel, return, dispute, resolve (a dispute: `reinstated` or `refunded`). The lifecycle's"
            + " table decides; each move is added to the timeline with its actor and reason.")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = V1ApiSchemas.Action.class), examples = {
            @ExampleObject(name = "fulfill", summary = "fulfill or ship, with the carrier", value = V1ApiSchemas.FULFILL),
            @ExampleObject(name = "hold", summary = "hold or dispute: a reason is required", value = V1ApiSchemas.HOLD),
            @ExampleObject(name = "resolve", summary = "resolve a dispute", value = V1ApiSchemas.RESOLVE)}))
    @APIResponse(responseCode = "200", description = "The order, moved", content = @Content(schema = @Schema(implementation = V1OrderView.class)))
    @APIResponse(responseCode = "404", description = "No such order, or no such action.")
    @APIResponse(responseCode = "409", description = "The lifecycle does not allow this move from the order's status"
            + " (`current_status`, `allowed_statuses`), `payment_underway`, or an Idempotency-Key still in flight.",
            content = @Content(examples = @ExampleObject(name = "invalid_status_transition", value = V1ApiSchemas.INVALID_TRANSITION)))
    @APIResponse(responseCode = "422", description = "`idempotency_key_reused`.")
    public Response act(@PathParam("id") String id,
                        @PathParam("action") @Parameter(schema = @Schema(enumeration = {"fulfill", "ship", "deliver", "hold", "release",
                                "cancel", "return", "dispute", "resolve"})) String action,
                        JsonNode body, @HeaderParam(Idempotency.HEADER) String key) {
        V1OrderActions.Action named = V1OrderActions.Action.named(action)
                .orElseThrow(() -> ApiException.notFound("No action " + action + " on orders; actions are fulfill, ship, deliver, hold,"
                        + " release, cancel, return, dispute, resolve, pay, refund"));
        Store store = caller.store();
        return idempotency.once(store.id, key, "POST", "/v1/orders/" + id + "/" + action, body, 200,
                () -> view(actions.act(store, actor(), id, named, body).id));
    }

    /** Up to 100 orders at once; each item has its own answer, and a refused one does not sink the others. */
    @POST
    @Path("/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create up to 100 orders", description = "One result per item (`index`, `status`, `result` or"
            + " `problem`); a refused item does not sink the others.")
    @RequestBody(content = @Content(schema = @Schema(implementation = V1ApiSchemas.BulkOrders.class),
            examples = @ExampleObject(name = "two orders", value = V1ApiSchemas.BULK)))
    @APIResponse(responseCode = "200", description = "One result per order; `succeeded`, `failed`",
            content = @Content(schema = @Schema(implementation = Bulk.class)))
    @APIResponse(responseCode = "422", description = "`idempotency_key_reused`.")
    @APIResponse(responseCode = "429", description = "Too many checkouts for this store in this window.")
    public Response bulk(JsonNode body, @HeaderParam(Idempotency.HEADER) String key) {
        Store store = caller.store();
        return idempotency.once(store.id, key, "POST", "/v1/orders/bulk", body, 200, () -> bulkCreate(store, body));
    }

    private Bulk bulkCreate(Store store, JsonNode body) {
        Actor actor = actor();
        List<JsonNode> items = bulkItems(body);
        Map<Integer, String> created = new LinkedHashMap<>();
        Map<Integer, Problem> refused = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                created.put(i, orders.create(store, actor, requests.read(items.get(i))));
            } catch (RuntimeException e) {
                refused.put(i, ItemProblems.of(e));
            }
        }
        // the orders made, mapped as one page: a handful of queries for 100 as for 1
        Map<String, V1OrderView> views = new HashMap<>();
        mapper.toViews(Order.list("id in ?1", List.copyOf(created.values()))).forEach(v -> views.put(v.id(), v));
        List<BulkResult> results = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            results.add(created.containsKey(i) ? BulkResult.done(i, 201, views.get(created.get(i))) : BulkResult.refused(i, refused.get(i)));
        }
        return Bulk.of(results);
    }

    /** How to pay each of up to 100 orders, or their transaction hashes claimed, each with its own answer. */
    @POST
    @Path("/bulk/pay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pay up to 100 orders", description = "For each order, how to pay it, or its transaction hash"
            + " claimed; one result per item.")
    @RequestBody(content = @Content(schema = @Schema(implementation = V1ApiSchemas.BulkPay.class),
            examples = @ExampleObject(name = "two orders", value = V1ApiSchemas.BULK_PAY)))
    @APIResponse(responseCode = "200", description = "One result per order; `succeeded`, `failed`",
            content = @Content(schema = @Schema(implementation = Bulk.class)))
    @APIResponse(responseCode = "422", description = "`idempotency_key_reused`.")
    public Response bulkPay(JsonNode body, @HeaderParam(Idempotency.HEADER) String key) {
        Store store = caller.store();
        return idempotency.once(store.id, key, "POST", "/v1/orders/bulk/pay", body, 200, () -> bulkPay(store, body));
    }

    private Bulk bulkPay(Store store, JsonNode body) {
        List<BulkResult> results = new ArrayList<>();
        List<JsonNode> items = bulkItems(body);
        for (int i = 0; i < items.size(); i++) {
            try {
                JsonNode item = items.get(i);
                String id = JsonRequest.body(item).requiredText("order_id", 64);
                JsonNode claim = item.deepCopy();
                ((com.fasterxml.jackson.databind.node.ObjectNode) claim).remove("order_id");
                results.add(BulkResult.done(i, 200, payments.pay(store, id, payments.read(claim.isEmpty() ? null : claim))));
            } catch (RuntimeException refused) {
                results.add(BulkResult.refused(i, ItemProblems.of(refused)));
            }
        }
        return Bulk.of(results);
    }

    private static List<JsonNode> bulkItems(JsonNode body) {
        JsonRequest.body(body);
        JsonNode list = body.get("orders");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new InvalidFieldsException(List.of(new Problem.FieldError("orders", "orders must be an array of 1 to " + MAX_BULK + " orders")));
        }
        if (list.size() > MAX_BULK) {
            throw new InvalidFieldsException(List.of(new Problem.FieldError("orders", "orders may hold at most " + MAX_BULK
                    + " orders; send the rest in another request")));
        }
        List<JsonNode> items = new ArrayList<>();
        list.forEach(items::add);
        return items;
    }

    private V1OrderView view(String id) {
        return mapper.toView(V1Orders.require(caller.store(), id));
    }

    private Actor actor() {
        return Actor.key(caller.keyPrefix());
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "V1OrderPage")
    public record Page(List<V1OrderView> data, long totalCount, boolean hasMore) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "V1BulkResults")
    public record Bulk(List<BulkResult> results, int succeeded, int failed) {

        static Bulk of(List<BulkResult> results) {
            int failed = (int) results.stream().filter(r -> r.problem() != null).count();
            return new Bulk(results, results.size() - failed, failed);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    @Schema(name = "V1BulkResult")
    public record BulkResult(int index, int status, Object result, Problem problem) {

        static BulkResult done(int index, int status, Object result) {
            return new BulkResult(index, status, result, null);
        }

        static BulkResult refused(int index, Problem problem) {
            return new BulkResult(index, problem.status(), null, problem);
        }
    }
}
