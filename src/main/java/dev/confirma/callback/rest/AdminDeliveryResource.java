package dev.confirma.callback.rest;

import dev.confirma.callback.CallbackDeliveries;
import dev.confirma.callback.DeliveryLog;
import dev.confirma.common.openapi.ApiDocumentation;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operator's view of every store's callbacks (Bearer token): e.g. the dead ones, and redelivery. */
@Path("/admin/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocumentation.OPERATOR)
@SecurityRequirement(name = ApiDocumentation.OPERATOR_TOKEN)
public class AdminDeliveryResource {

    private final CallbackDeliveries deliveries;

    AdminDeliveryResource(CallbackDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GET
    @Operation(summary = "List every store's callbacks", description = "Callback and webhook deliveries of all stores, newest"
            + " first; `state=dead` finds the ones that gave up.")
    @APIResponse(responseCode = "200", description = "Deliveries",
            content = @Content(schema = @Schema(implementation = CallbackApiSchemas.Deliveries.class)))
    public Map<String, List<DeliveryLog>> list(
            @QueryParam("state") @Parameter(schema = @Schema(enumeration = {"pending", "delivered", "dead"})) String state,
            @QueryParam("limit") @Parameter(description = "1–100", schema = @Schema(defaultValue = "50")) String limit,
            @QueryParam("offset") @Parameter(schema = @Schema(defaultValue = "0")) String offset) {
        return Map.of("deliveries", deliveries.list(state, limit, offset));
    }

    @POST
    @Path("/{deliveryId}/redeliver")
    @Operation(summary = "Send a delivery again", description = "Queues any store's delivery again, the same bytes and"
            + " `webhook-id`, as a new delivery linked to the first.")
    @APIResponse(responseCode = "202", description = "The new delivery, queued",
            content = @Content(schema = @Schema(implementation = DeliveryLog.class)))
    public Response redeliver(@PathParam("deliveryId") String deliveryId) {
        return Response.accepted(deliveries.redeliverAsOperator(deliveryId)).build();
    }
}
