package dev.confirma.store.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confirma.store.ApiKeys;
import dev.confirma.store.Store;
import dev.confirma.store.StoreRequests;
import dev.confirma.store.StoreService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Operator API for stores (CONTRACT §2). Authenticated by {@link AccessFilters}. */
@Path("/admin/stores")
@Produces(MediaType.APPLICATION_JSON)
public class AdminStoreResource {

    private final StoreService stores;
    private final StoreRequests requests;
    private final StoreMapper mapper;

    AdminStoreResource(StoreService stores, StoreRequests requests, StoreMapper mapper) {
        this.stores = stores;
        this.requests = requests;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body) {
        StoreService.CreatedStore created = stores.create(requests.forCreate(body));
        return Response.status(Response.Status.CREATED)
                .entity(mapper.toView(created.store(), created.key().apiKey()))
                .build();
    }

    @GET
    public Map<String, List<StoreView>> list() {
        return Map.of("stores", Store.listActive().stream().map(s -> mapper.toView(s, null)).toList());
    }

    @GET
    @Path("/{id}")
    public StoreView get(@PathParam("id") String id) {
        return mapper.toView(stores.require(id), null);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public StoreView update(@PathParam("id") String id, JsonNode body) {
        return mapper.toView(stores.update(id, requests.forPatch(body)), null);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        stores.delete(id);
        return Response.noContent().build();
    }

    /**
     * A new key: one that may write replaces every earlier key (a rotation), which keeps working
     * for {@code ?grace=} (ISO-8601, {@code PT0S}: revoked at once; default
     * {@code confirma.api-keys.rotation-grace}); a read-only one is added beside them.
     */
    @POST
    @Path("/{id}/api-keys")
    public Response issueKey(@PathParam("id") String id, @Context UriInfo uri, JsonNode body) {
        // read from the raw query: a bare ?grace (no value) is a mistake to name, not an absent grace
        List<String> grace = uri.getQueryParameters().get("grace");
        ApiKeys.IssuedKey key = stores.issueKey(id, requests.scopes(body), requests.grace(grace));
        return Response.status(Response.Status.CREATED)
                .entity(new IssuedKeyView(id, key.id(), key.apiKey(), key.prefix(), key.scopes().names(), key.createdAt()))
                .build();
    }

    /** The store's key list: prefixes and scopes, never a key. */
    @GET
    @Path("/{id}/api-keys")
    public Map<String, List<KeyView>> keys(@PathParam("id") String id) {
        return Map.of("apiKeys", stores.keys(id).stream()
                .map(k -> new KeyView(k.id, k.keyPrefix, k.keyScopes().names(), k.createdAt, k.revokedAt, k.expiresAt)).toList());
    }

    @DELETE
    @Path("/{id}/api-keys/{keyId}")
    public Response revokeKey(@PathParam("id") String id, @PathParam("keyId") String keyId) {
        stores.revokeKey(id, keyId);
        return Response.noContent().build();
    }

    /** The new key, shown once. */
    public record IssuedKeyView(String storeId, String id, String apiKey, String apiKeyPrefix, List<String> scopes, Instant createdAt) {
    }

    /** {@code expiresAt}: when a rotation's grace period ends for the key (null: no expiry); past it, the key is refused. */
    public record KeyView(String id, String prefix, List<String> scopes, Instant createdAt, Instant revokedAt, Instant expiresAt) {
    }
}
