package dev.confirma.privacy.rest;

import dev.confirma.common.openapi.ApiDocumentation;
import dev.confirma.privacy.AuditLog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operator reads the audit log of customer data (Bearer operator token, as every /admin path). */
@Path("/admin/audit-log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocumentation.OPERATOR)
@SecurityRequirement(name = ApiDocumentation.OPERATOR_TOKEN)
public class AdminAuditLogResource {

    private final AuditLog audit;

    AdminAuditLogResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    @Operation(summary = "Read the audit log", description = "Exports and erasures of customer data, and retention runs, newest"
            + " first. `subject` is a keyed hash of the customer reference, never the reference; `detail` holds counts only.")
    @APIResponse(responseCode = "200", description = "A page of the audit log")
    public AuditLog.Page list(@QueryParam("store_id") @Parameter(description = "Only this store's entries") String storeId,
                              @QueryParam("limit") @Parameter(description = "1–200", schema = @Schema(defaultValue = "50")) String limit,
                              @QueryParam("offset") @Parameter(schema = @Schema(defaultValue = "0")) String offset) {
        return audit.list(storeId, limit, offset);
    }
}
