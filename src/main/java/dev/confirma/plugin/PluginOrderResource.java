package dev.confirma.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confirma.common.Money;
import dev.confirma.common.error.ApiException;
import dev.confirma.common.error.ErrorBody;
import dev.confirma.common.openapi.ApiDocumentation;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The Cryptum-compatible plugin API for orders (CONTRACT §3). Parses, authorises, maps; no more. */
@Path("/plugins")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocumentation.PLUGIN_API)
@SecurityRequirement(name = ApiDocumentation.STORE_KEY)
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
    @Operation(summary = "Create a checkout", description = "Prices the order in every accepted asset at market rates and"
            + " answers the order with its quotes, `sessionToken` and `paymentUrl` (the hosted page). Posting the same `store` +"
            + " `ecommerceOrderId` again while that order is unpaid returns it (no duplicate).")
    @RequestBody(content = @Content(schema = @Schema(implementation = PluginApiSchemas.Checkout.class),
            examples = @ExampleObject(name = "wordpress", summary = "The README's walk-through", value = PluginApiSchemas.CHECKOUT)))
    @APIResponse(responseCode = "200", description = "The order, new or the unpaid one already made for this ecommerceOrderId",
            content = @Content(schema = @Schema(implementation = CheckoutView.class),
                    examples = @ExampleObject(name = "created", value = PluginApiSchemas.CHECKOUT_ANSWER)))
    @APIResponse(responseCode = "403", description = "`store` is not the key's store.")
    @APIResponse(responseCode = "409", description = "`unpaid_order_differs`: an unpaid order for this ecommerceOrderId has"
            + " another total; cancel it first. Or `idempotency_key_in_flight`.")
    @APIResponse(responseCode = "422", description = "`idempotency_key_reused`: this Idempotency-Key came with another body.")
    @APIResponse(responseCode = "429", description = "Too many checkouts for this store in this window (`confirma.rate-limit.*`).")
    @APIResponse(responseCode = "503", description = "`rates_unavailable`: no fresh market rate prices the order currency now.")
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
    @SecurityRequirement(name = ApiDocumentation.STORE_KEY)
    @SecurityRequirement(name = ApiDocumentation.SESSION_TOKEN)
    @SecurityRequirement(name = ApiDocumentation.SESSION_BEARER)
    @Operation(summary = "Attach a transaction hash, or change the status", description = "A hash is a claim the chain watcher"
            + " verifies: the order goes `on-hold` until the payment is confirmed at depth. The plugin (with its key) may also"
            + " move `pending → on-hold | failed | cancelled` and `on-hold → failed | cancelled`; the shopper (with the order's"
            + " session token) may only attach a hash.")
    @RequestBody(content = @Content(schema = @Schema(implementation = PluginApiSchemas.OrderUpdate.class), examples = {
            @ExampleObject(name = "claim", summary = "The shopper's or plugin's transaction hash", value = PluginApiSchemas.CLAIM),
            @ExampleObject(name = "cancel", summary = "The plugin cancels the order", value = PluginApiSchemas.CANCEL)}))
    @APIResponse(responseCode = "200", description = "The order", content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid; or Cryptum's answer to a hash the chain already"
            + " found short (`amount_less_than_total`, with the order's transactions).", content = @Content(
            schema = @Schema(oneOf = {ErrorBody.class, ShortPaymentResponse.Body.class}),
            examples = @ExampleObject(name = "amount_less_than_total", value = PluginApiSchemas.SHORT_PAYMENT)))
    @APIResponse(responseCode = "409", description = "`transaction_already_used` (the chain credited this hash to another"
            + " order), `order_not_payable`, `invalid_status_transition`, `order_final` or `concurrent_update`; nothing changed.",
            content = @Content(examples = @ExampleObject(name = "transaction_already_used", value = PluginApiSchemas.ALREADY_USED)))
    @APIResponse(responseCode = "429", description = "A shopper's requests from this address are over the limit.")
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
    @Operation(summary = "Get an order", description = "The order object, with its quotes, transactions and statuses.")
    @APIResponse(responseCode = "200", description = "The order")
    public OrderView get(@PathParam("orderId") String orderId) {
        return mapper.toView(Order.findForStore(orderId, caller.store().id)
                .orElseThrow(() -> ApiException.notFound("Order " + orderId + " not found")));
    }

    @GET
    @Path("/orders")
    @Operation(summary = "List orders", description = "The store's orders, newest first. `total` counts every matching order;"
            + " `withTotal=true` adds `totals` per currency.")
    @APIResponse(responseCode = "200", description = "A page of orders")
    @APIResponse(responseCode = "403", description = "`storeId` is not the key's store.")
    public OrderList list(@QueryParam("storeId") @Parameter(description = "Optional; must be the key's store") String storeId,
                          @QueryParam("limit") @Parameter(description = "1–100", schema = @Schema(defaultValue = "100")) String limit,
                          @QueryParam("offset") @Parameter(schema = @Schema(defaultValue = "0")) String offset,
                          @QueryParam("paymentStatus") @Parameter(description = "One or several, comma-separated: pending,"
                                  + " on-hold, confirmed, failed, cancelled") String paymentStatus,
                          @QueryParam("startDate") @Parameter(description = "ISO-8601 date or date-time, inclusive") String startDate,
                          @QueryParam("endDate") @Parameter(description = "ISO-8601 date-time, exclusive; a bare date includes"
                                  + " that whole UTC day") String endDate,
                          @QueryParam("withCount") @Parameter(description = "false skips counting (`total` is then the page"
                                  + " size)", schema = @Schema(defaultValue = "true")) String withCount,
                          @QueryParam("withTotal") @Parameter(description = "true adds `totals`, the sum per currency",
                                  schema = @Schema(defaultValue = "false")) String withTotal) {
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
