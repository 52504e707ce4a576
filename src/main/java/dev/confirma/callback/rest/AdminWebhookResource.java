package dev.confirma.callback.rest;

import dev.confirma.callback.WebhookSubscriptions;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** The operator's view of webhook subscriptions the server disabled because nothing reached them (Bearer token). */
@Path("/admin/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class AdminWebhookResource {

    private final WebhookSubscriptions subscriptions;

    AdminWebhookResource(WebhookSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GET
    @Path("/disabled")
    public Map<String, List<WebhookSubscriptions.Subscription>> disabled() {
        return Map.of("webhooks", subscriptions.disabledByServer());
    }
}
