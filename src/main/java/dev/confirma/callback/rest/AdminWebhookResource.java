package dev.confirma.callback.rest;

import dev.confirma.callback.WebhookSubscriptions;
import dev.confirma.common.openapi.ApiDocumentation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operator's view of webhook subscriptions the server disabled because nothing reached them (Bearer token). */
@Path("/admin/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocumentation.OPERATOR)
@SecurityRequirement(name = ApiDocumentation.OPERATOR_TOKEN)
public class AdminWebhookResource {

    private final WebhookSubscriptions subscriptions;

    AdminWebhookResource(WebhookSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GET
    @Path("/disabled")
    @Operation(summary = "List webhooks the server disabled", description = "Subscriptions of every store disabled after failing"
            + " without a break for `confirma.webhooks.disable-after` (72 h); the store enables one again with PATCH.")
    @APIResponse(responseCode = "200", description = "Disabled subscriptions",
            content = @Content(schema = @Schema(implementation = CallbackApiSchemas.DisabledWebhooks.class)))
    public Map<String, List<WebhookSubscriptions.Subscription>> disabled() {
        return Map.of("webhooks", subscriptions.disabledByServer());
    }
}
