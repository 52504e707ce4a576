package dev.confirma.chain.rest;

import dev.confirma.chain.watch.ChainStatus;
import dev.confirma.chain.watch.ChainWatcher;
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

/** {@code GET /admin/chains}: per chain, the node's head, the watcher's cursor and lag (operator token). */
@Path("/admin/chains")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocumentation.OPERATOR)
@SecurityRequirement(name = ApiDocumentation.OPERATOR_TOKEN)
public class AdminChainResource {

    private final ChainWatcher watcher;

    AdminChainResource(ChainWatcher watcher) {
        this.watcher = watcher;
    }

    @GET
    @Operation(summary = "Show the chain watchers", description = "Per chain: whether it is watched, the node's head, the"
            + " watcher's cursor and lag, the finalized block, the log range in use.")
    @APIResponse(responseCode = "200", description = "The chains", content = @Content(schema = @Schema(implementation = ChainList.class)))
    public Map<String, List<ChainStatus>> get() {
        return Map.of("chains", watcher.statuses());
    }

    /** The answer's shape, for the OpenAPI document. */
    @Schema(name = "ChainList")
    record ChainList(List<ChainStatus> chains) {
    }
}
