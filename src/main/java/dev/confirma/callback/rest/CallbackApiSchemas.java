package dev.confirma.callback.rest;

import dev.confirma.callback.DeliveryLog;
import dev.confirma.callback.WebhookSubscriptions;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The delivery logs' list bodies as the OpenAPI document shows them (the resources answer them as maps). */
final class CallbackApiSchemas {

    @Schema(name = "DeliveryList", description = "Deliveries, newest first, each with its attempts.")
    record Deliveries(List<DeliveryLog> deliveries) {
    }

    @Schema(name = "DisabledWebhookList", description = "Every store's webhook subscriptions the server disabled for failing.")
    record DisabledWebhooks(List<WebhookSubscriptions.Subscription> webhooks) {
    }

    private CallbackApiSchemas() {
    }
}
