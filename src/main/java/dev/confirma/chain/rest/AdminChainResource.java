package dev.confirma.chain.rest;

import dev.confirma.chain.watch.ChainStatus;
import dev.confirma.chain.watch.ChainWatcher;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** {@code GET /admin/chains}: per chain, the node's head, the watcher's cursor and lag (operator token). */
@Path("/admin/chains")
@Produces(MediaType.APPLICATION_JSON)
public class AdminChainResource {

    private final ChainWatcher watcher;

    AdminChainResource(ChainWatcher watcher) {
        this.watcher = watcher;
    }

    @GET
    public Map<String, List<ChainStatus>> get() {
        return Map.of("chains", watcher.statuses());
    }
}
