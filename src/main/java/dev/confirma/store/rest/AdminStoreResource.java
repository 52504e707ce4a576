package dev.confirma.store.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confirma.common.openapi.ApiDocumentation;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operator API for stores (CONTRACT §2). Authenticated by {@link AccessFilters}. */
@Path("/admin/stores")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocumentation.OPERATOR)
@SecurityRequirement(name = ApiDocumentation.OPERATOR_TOKEN)
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
    @Operation(summary = "Create a store", description = "Answers the store with its API key (`apiKey`, shown this once: only"
            + " its hash is kept) and its `webhookSecret`. Wallet addresses are checked (EIP-55 checksum when mixed case).")
    @RequestBody(content = @Content(schema = @Schema(implementation = StoreApiSchemas.StoreRequest.class), examples = {
            @ExampleObject(name = "two wallets", summary = "The README's walk-through", value = StoreApiSchemas.CREATE),
            @ExampleObject(name = "xpub", summary = "A wallet that gives each order its own address", value = StoreApiSchemas.XPUB)}))
    @APIResponse(responseCode = "201", description = "The store, with its key shown once", content = @Content(
            schema = @Schema(implementation = StoreView.class), examples = @ExampleObject(name = "created", value = StoreApiSchemas.CREATED)))
    public Response create(JsonNode body) {
        StoreService.CreatedStore created = stores.create(requests.forCreate(body));
        return Response.status(Response.Status.CREATED)
                .entity(mapper.toView(created.store(), created.key().apiKey()))
                .build();
    }

    @GET
    @Operation(summary = "List stores", description = "Every store that is not deleted, without keys.")
    @APIResponse(responseCode = "200", description = "The stores",
            content = @Content(schema = @Schema(implementation = StoreApiSchemas.Stores.class)))
    public Map<String, List<StoreView>> list() {
        return Map.of("stores", Store.listActive().stream().map(s -> mapper.toView(s, null)).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a store", description = "The store's settings and wallets; never its key.")
    @APIResponse(responseCode = "200", description = "The store")
    public StoreView get(@PathParam("id") String id) {
        return mapper.toView(stores.require(id), null);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change a store", description = "Only the fields sent change; `wallets` and `acceptedAssets`, when"
            + " sent, replace the lists; `retentionDays: null` turns automatic erasure off.")
    @RequestBody(content = @Content(schema = @Schema(implementation = StoreApiSchemas.StoreRequest.class),
            examples = @ExampleObject(name = "settings", value = StoreApiSchemas.PATCH)))
    @APIResponse(responseCode = "200", description = "The store as changed")
    public StoreView update(@PathParam("id") String id, JsonNode body) {
        return mapper.toView(stores.update(id, requests.forPatch(body)), null);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a store", description = "Marks the store deleted and revokes its keys at once; its orders are kept.")
    @APIResponse(responseCode = "204", description = "Deleted")
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
    @Operation(summary = "Issue an API key", description = "A read-write key (no body) is a rotation: every earlier key keeps"
            + " working for `?grace=` (default `confirma.api-keys.rotation-grace`, 24 h; `PT0S` revokes them at once). A"
            + " read-only key is added beside the others. The key is shown this once.")
    // no @Consumes here, so the body's media type is named: without it the scanner ignores this description
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StoreApiSchemas.KeyRequest.class),
            examples = {@ExampleObject(name = "read-only", summary = "A key for a reporting tool", value = StoreApiSchemas.READ_ONLY_KEY),
                    @ExampleObject(name = "rotation", summary = "The same as no body", value = StoreApiSchemas.ROTATION)}))
    @Parameter(name = "grace", in = ParameterIn.QUERY, description = "For a rotation: how long the earlier keys keep working,"
            + " an ISO-8601 duration from PT0S to P30D",
            schema = @Schema(type = SchemaType.STRING, example = "PT1H"))
    @APIResponse(responseCode = "201", description = "The new key, shown once",
            content = @Content(schema = @Schema(implementation = IssuedKeyView.class)))
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
    @Operation(summary = "List a store's API keys", description = "Prefixes, scopes, and when each was revoked or expires"
            + " (a rotation's grace period); never a key.")
    @APIResponse(responseCode = "200", description = "The keys",
            content = @Content(schema = @Schema(implementation = StoreApiSchemas.Keys.class)))
    public Map<String, List<KeyView>> keys(@PathParam("id") String id) {
        return Map.of("apiKeys", stores.keys(id).stream()
                .map(k -> new KeyView(k.id, k.keyPrefix, k.keyScopes().names(), k.createdAt, k.revokedAt, k.expiresAt)).toList());
    }

    @DELETE
    @Path("/{id}/api-keys/{keyId}")
    @Operation(summary = "Revoke an API key", description = "At once, a key in its grace period included.")
    @APIResponse(responseCode = "204", description = "Revoked")
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
