package dev.confirma.health.rest;

import dev.confirma.health.HealthSummary;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /health}: one JSON summary of the database, each chain and the rates; 200 while
 * healthy or degraded, 503 when unhealthy. Open like {@code /q/health}: a load balancer or an
 * uptime monitor asks it without a key; it shows no secret (RPC URLs are cut to their host).
 */
@Path("/health")
public class HealthResource {

    private final HealthSummary health;

    HealthResource(HealthSummary health) {
        this.health = health;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        HealthSummary.Summary summary = health.summarise();
        return Response.status(summary.unhealthy() ? Response.Status.SERVICE_UNAVAILABLE : Response.Status.OK).entity(summary).build();
    }
}
