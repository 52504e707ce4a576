package dev.confirma.privacy.rest;

import dev.confirma.privacy.AuditLog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The operator reads the audit log of customer data (Bearer operator token, as every /admin path). */
@Path("/admin/audit-log")
@Produces(MediaType.APPLICATION_JSON)
public class AdminAuditLogResource {

    private final AuditLog audit;

    AdminAuditLogResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    public AuditLog.Page list(@QueryParam("store_id") String storeId, @QueryParam("limit") String limit,
                              @QueryParam("offset") String offset) {
        return audit.list(storeId, limit, offset);
    }
}
