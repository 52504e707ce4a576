package dev.confirma.store.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confirma.common.error.ApiException;
import dev.confirma.common.json.JsonRequest;
import dev.confirma.common.openapi.ApiDocumentation;
import dev.confirma.store.Caller;
import dev.confirma.store.Store;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /plugins/stores/verification}: a plugin checks its store id and key (CONTRACT §3). */
@Path("/plugins/stores")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocumentation.PLUGIN_API)
@SecurityRequirement(name = ApiDocumentation.STORE_KEY)
public class PluginStoreResource {

    private final Caller caller;
    private final StoreMapper mapper;

    PluginStoreResource(Caller caller, StoreMapper mapper) {
        this.caller = caller;
        this.mapper = mapper;
    }

    @POST
    @Path("/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verify the store", description = "What a plugin does on \"save settings\": checks its store id and"
            + " key, and gets the `webhookSecret` that signs callbacks and the store's wallets.")
    @RequestBody(content = @Content(schema = @Schema(implementation = StoreApiSchemas.Verification.class),
            examples = @ExampleObject(name = "wordpress", value = StoreApiSchemas.VERIFY)))
    @APIResponse(responseCode = "200", description = "The store's secret and wallets")
    @APIResponse(responseCode = "400", description = "A field is invalid, or the store has no wallet (`invalid_store_wallets`,"
            + " \"Invalid store wallet configuration\").")
    @APIResponse(responseCode = "403", description = "`storeId` is not the key's store.")
    public Verification verify(JsonNode json) {
        JsonRequest body = JsonRequest.body(json);
        String storeId = body.requiredText("storeId", 64);
        body.optionalText("plugin", 32).filter(p -> !p.equals("checkout")).ifPresent(p -> {
            throw ApiException.invalidField("plugin", "plugin must be \"checkout\"");
        });
        body.optionalText("ecommerceType", 32);
        Store store = caller.store();
        if (!store.id.equals(storeId)) {
            throw ApiException.forbidden("storeId does not belong to this API key");
        }
        if (store.wallets.isEmpty()) {
            throw ApiException.badRequest("invalid_store_wallets", "Invalid store wallet configuration");
        }
        return new Verification(store.id, store.webhookSecret, mapper.wallets(store));
    }

    @Schema(name = "StoreVerification")
    public record Verification(String storeId, String webhookSecret, List<WalletView> wallets) {
    }
}
