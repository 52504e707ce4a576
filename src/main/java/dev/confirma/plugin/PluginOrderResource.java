package dev.confirma.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confirma.common.Money;
import dev.confirma.common.error.ApiException;
import dev.confirma.order.Actor;
import dev.confirma.order.Order;
import dev.confirma.store.Caller;
import dev.confirma.store.Store;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The Cryptum-compatible plugin API for orders (CONTRACT §3). Parses, authorises, maps; no more. */
@Path("/plugins")
@Produces(MediaType.APPLICATION_JSON)
public class PluginOrderResource {

    private final Caller caller;
    private final CheckoutService checkouts;
    private final OrderUpdateRequests updateRequests;
    private final OrderUpdateService updates;
    private final OrderSearch search;
    private final OrderMapper mapper;

    PluginOrderResource(Caller caller, CheckoutService checkouts, OrderUpdateRequests updateRequests,
                        OrderUpdateService updates, OrderSearch search, OrderMapper mapper) {
        this.caller = caller;
        this.checkouts = checkouts;
        this.updateRequests = updateRequests;
        this.updates = updates;
        this.search = search;
        this.mapper = mapper;
    }

    @POST
    @Path("/orders/checkout")
    @Consumes(MediaType.APPLICATION_JSON)
    public CheckoutView checkout(JsonNode body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        CheckoutService.Result result = checkouts.checkout(caller.store(), Actor.key(caller.keyPrefix()), body, Optional.ofNullable(idempotencyKey));
        String message = switch (result.outcome()) {
            case CREATED -> "Checkout created";
            case EXISTING -> "An unpaid checkout for this ecommerceOrderId already exists; returning it";
            case REPLAYED -> "Idempotent replay: returning the checkout created for this Idempotency-Key";
        };
        return mapper.toCheckoutView(result.order(), message);
    }

    /** A store by its key, or a shopper whose session token {@link ShopperUpdateAccess} has checked. */
    @PUT
    @Path("/checkout/{orderId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public OrderView update(@PathParam("orderId") String orderId, JsonNode body) {
        Optional<Store> store = caller.storeIfAny();
        OrderUpdate update = updateRequests.read(body);
        Order order = store.isPresent()
                ? updates.updateAsStore(store.get(), Actor.key(caller.keyPrefix()), orderId, update)
                : updates.updateAsShopper(caller.shopperOrderId().orElseThrow(() -> ApiException.unauthorized(
                        "x-api-key header or the order's sessionToken is required")), update);
        return mapper.toView(order);
    }

    @GET
    @Path("/orders/{orderId}")
    public OrderView get(@PathParam("orderId") String orderId) {
        return mapper.toView(Order.findForStore(orderId, caller.store().id)
                .orElseThrow(() -> ApiException.notFound("Order " + orderId + " not found")));
    }

    @GET
    @Path("/orders")
    public OrderList list(@QueryParam("storeId") String storeId, @QueryParam("limit") String limit,
                          @QueryParam("offset") String offset, @QueryParam("paymentStatus") String paymentStatus,
                          @QueryParam("startDate") String startDate, @QueryParam("endDate") String endDate,
                          @QueryParam("withCount") String withCount, @QueryParam("withTotal") String withTotal) {
        Store store = caller.store();
        if (storeId != null && !storeId.isBlank() && !storeId.trim().equals(store.id)) {
            throw ApiException.forbidden("storeId does not belong to this API key");
        }
        OrderSearch.Found found = search.find(
                search.criteria(store.id, limit, offset, paymentStatus, startDate, endDate, withCount, withTotal));
        return new OrderList(found.total(), mapper.toViews(found.orders()),
                found.totals().map(PluginOrderResource::formatTotals).orElse(null));
    }

    /** {@code {"total", "orders", "totals"?}}: totals (per currency) only with withTotal=true. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record OrderList(long total, List<OrderView> orders, Map<String, String> totals) {
    }

    private static Map<String, String> formatTotals(Map<String, BigDecimal> totals) {
        Map<String, String> formatted = new TreeMap<>();
        totals.forEach((currency, sum) -> formatted.put(currency, Money.format(sum, currency)));
        return formatted;
    }
}
