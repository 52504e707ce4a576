package dev.confirma.api;

import dev.confirma.common.error.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.confirma.api.idempotency.Idempotency;
import dev.confirma.common.error.ApiException;
import dev.confirma.common.json.JsonRequest;
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

/** The merchant Orders API (CONTRACT §7): parses, authorises by the store's key, maps; the services act. */
@Path("/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
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
    public Response create(JsonNode body, @HeaderParam(Idempotency.HEADER) String key) {
        Store store = caller.store();
        return idempotency.once(store.id, key, "POST", "/v1/orders", body, 201,
                () -> view(orders.create(store, actor(), requests.read(body))));
    }

    @GET
    public Page list(@Context UriInfo uri) {
        V1OrderSearch.Found found = search.find(caller.store().id, search.criteria(uri.getQueryParameters()));
        return new Page(mapper.toViews(found.orders()), found.totalCount(), found.hasMore());
    }

    @GET
    @Path("/{id}")
    public V1OrderView get(@PathParam("id") String id) {
        return view(id);
    }

    @POST
    @Path("/{id}/pay")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response pay(@PathParam("id") String id, JsonNode body, @HeaderParam(Idempotency.HEADER) String key) {
        Store store = caller.store();
        return idempotency.once(store.id, key, "POST", "/v1/orders/" + id + "/pay", body, 200,
                () -> payments.pay(store, id, payments.read(body)));
    }

    /** A refund of the order, checked on its chain when it names the transaction that paid it back. */
    @POST
    @Path("/{id}/refund")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response refund(@PathParam("id") String id, JsonNode body, @HeaderParam(Idempotency.HEADER) String key) {
        Store store = caller.store();
        return idempotency.once(store.id, key, "POST", "/v1/orders/" + id + "/refund", body, 201,
                () -> refunds.request(store, actor(), id, body));
    }

    @POST
    @Path("/{id}/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response act(@PathParam("id") String id, @PathParam("action") String action, JsonNode body,
                        @HeaderParam(Idempotency.HEADER) String key) {
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
    public record Page(List<V1OrderView> data, long totalCount, boolean hasMore) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Bulk(List<BulkResult> results, int succeeded, int failed) {

        static Bulk of(List<BulkResult> results) {
            int failed = (int) results.stream().filter(r -> r.problem() != null).count();
            return new Bulk(results, results.size() - failed, failed);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record BulkResult(int index, int status, Object result, Problem problem) {

        static BulkResult done(int index, int status, Object result) {
            return new BulkResult(index, status, result, null);
        }

        static BulkResult refused(int index, Problem problem) {
            return new BulkResult(index, problem.status(), null, problem);
        }
    }
}
