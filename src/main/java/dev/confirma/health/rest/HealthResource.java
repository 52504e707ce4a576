package dev.confirma.health.rest;

import dev.confirma.common.openapi.ApiDocumentation;
import dev.confirma.health.HealthSummary;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /health}: one JSON summary of the database, each chain and the rates; 200 while
 * healthy or degraded, 503 when unhealthy. Open like {@code /q/health}: a load balancer or an
 * uptime monitor asks it without a key; it shows no secret (RPC URLs are cut to their host).
 */
@Path("/health")
@Tag(name = ApiDocumentation.HEALTH)
public class HealthResource {

    private static final String EXAMPLE = """
            {"status":"degraded","timestamp":"2026-12-07T14:00:00Z","instance":"pay-1:4242:1a2b3c4d",
             "checks":{"database":{"status":"healthy","responseTimeMs":1},
                       "chain.CELO":{"status":"healthy","responseTimeMs":4,"blockHeight":31290512,"syncStatus":"synced",
                                     "cursor":31290512,"lagBlocks":0,"lagSeconds":3,"finalized":31290480,"lastError":null,
                                     "watchedBy":"pay-1:4242:1a2b3c4d"},
                       "rates":{"status":"degraded","responseTimeMs":0,"message":"the last request failed for coingecko",
                                "maxAgeSeconds":300,"providers":{},"pairs":{"CELO/BRL":{"ageSeconds":41,"fresh":true,
                                "sources":["coinbase"]}}}}}""";

    private final HealthSummary health;

    HealthResource(HealthSummary health) {
        this.health = health;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Summarise the server's health", description = "The database, each chain this instance knows"
            + " (block height, cursor, lag in blocks and seconds, sync status, last error, who reads it) and the market rates"
            + " (age per pair, each provider's last answer): `healthy`, `degraded` (working, something to look at) or"
            + " `unhealthy` (what `/q/health/ready` answers DOWN for), with the reason in `message`.")
    @APIResponse(responseCode = "200", description = "Healthy or degraded", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HealthSummary.Summary.class), examples = @ExampleObject(name = "degraded", value = EXAMPLE)))
    @APIResponse(responseCode = "503", description = "Unhealthy: a check is down, `message` says why",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HealthSummary.Summary.class)))
    public Response get() {
        HealthSummary.Summary summary = health.summarise();
        return Response.status(summary.unhealthy() ? Response.Status.SERVICE_UNAVAILABLE : Response.Status.OK).entity(summary).build();
    }
}
