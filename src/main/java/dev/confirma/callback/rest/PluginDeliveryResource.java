package dev.confirma.callback.rest;

import dev.confirma.callback.CallbackDeliveries;
import dev.confirma.callback.DeliveryLog;
import dev.confirma.common.openapi.ApiDocumentation;
import dev.confirma.store.Caller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A store's view of its orders' callbacks (x-api-key): the delivery log, and redelivery. */
// the class path is /plugins, as PluginOrderResource's: a longer one would shadow /plugins/orders/checkout
@Path("/plugins")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocumentation.PLUGIN_API)
@SecurityRequirement(name = ApiDocumentation.STORE_KEY)
public class PluginDeliveryResource {

    private final Caller caller;
    private final CallbackDeliveries deliveries;

    PluginDeliveryResource(Caller caller, CallbackDeliveries deliveries) {
        this.caller = caller;
        this.deliveries = deliveries;
    }

    @GET
    @Path("/orders/{orderId}/deliveries")
    @Operation(summary = "List an order's callbacks", description = "Every callback sent (or due) to the order's `callbackUrl`,"
            + " newest first, attempt by attempt: status code, latency, the first bytes of the answer, the error.")
    @APIResponse(responseCode = "200", description = "The order's deliveries",
            content = @Content(schema = @Schema(implementation = CallbackApiSchemas.Deliveries.class)))
    public Map<String, List<DeliveryLog>> list(@PathParam("orderId") String orderId) {
        return Map.of("deliveries", deliveries.forOrder(caller.store(), orderId));
    }

    @POST
    @Path("/orders/{orderId}/deliveries/{deliveryId}/redeliver")
    @Operation(summary = "Send a callback again", description = "Queues the same event again, byte for byte and with the same"
            + " `webhook-id`, as a new delivery linked to the first (`redeliveryOf`).")
    @APIResponse(responseCode = "202", description = "The new delivery, queued",
            content = @Content(schema = @Schema(implementation = DeliveryLog.class)))
    public Response redeliver(@PathParam("orderId") String orderId, @PathParam("deliveryId") String deliveryId) {
        return Response.accepted(deliveries.redeliverForStore(caller.store(), orderId, deliveryId)).build();
    }
}
