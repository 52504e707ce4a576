package dev.confirma.callback.rest;

import dev.confirma.callback.CallbackDeliveries;
import dev.confirma.callback.DeliveryLog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** The operator's view of every store's callbacks (Bearer token): e.g. the dead ones, and redelivery. */
@Path("/admin/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class AdminDeliveryResource {

    private final CallbackDeliveries deliveries;

    AdminDeliveryResource(CallbackDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GET
    public Map<String, List<DeliveryLog>> list(@QueryParam("state") String state, @QueryParam("limit") String limit,
                                               @QueryParam("offset") String offset) {
        return Map.of("deliveries", deliveries.list(state, limit, offset));
    }

    @POST
    @Path("/{deliveryId}/redeliver")
    public Response redeliver(@PathParam("deliveryId") String deliveryId) {
        return Response.accepted(deliveries.redeliverAsOperator(deliveryId)).build();
    }
}
