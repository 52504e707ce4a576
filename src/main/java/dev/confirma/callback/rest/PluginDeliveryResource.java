package dev.confirma.callback.rest;

import dev.confirma.callback.CallbackDeliveries;
import dev.confirma.callback.DeliveryLog;
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

/** A store's view of its orders' callbacks (x-api-key): the delivery log, and redelivery. */
// the class path is /plugins, as PluginOrderResource's: a longer one would shadow /plugins/orders/checkout
@Path("/plugins")
@Produces(MediaType.APPLICATION_JSON)
public class PluginDeliveryResource {

    private final Caller caller;
    private final CallbackDeliveries deliveries;

    PluginDeliveryResource(Caller caller, CallbackDeliveries deliveries) {
        this.caller = caller;
        this.deliveries = deliveries;
    }

    @GET
    @Path("/orders/{orderId}/deliveries")
    public Map<String, List<DeliveryLog>> list(@PathParam("orderId") String orderId) {
        return Map.of("deliveries", deliveries.forOrder(caller.store(), orderId));
    }

    @POST
    @Path("/orders/{orderId}/deliveries/{deliveryId}/redeliver")
    public Response redeliver(@PathParam("orderId") String orderId, @PathParam("deliveryId") String deliveryId) {
        return Response.accepted(deliveries.redeliverForStore(caller.store(), orderId, deliveryId)).build();
    }
}
