package dev.confirma.common.error;

import dev.confirma.common.DomainException;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every failure to the contract's error JSON, once. No stack trace, SQL or class name
 * reaches a client: unexpected errors are logged with a reference the operator can grep for.
 */
public class ApiErrorMappers {

    private static final Logger LOG = Logger.getLogger(ApiErrorMappers.class);

    @ServerExceptionMapper
    public Response apiError(ApiException e) {
        return respond(e.status(), e.code(), e.getMessage(), e.field());
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e) {
        return Response.fromResponse(respond(e.status(), e.code(), e.getMessage(), null))
                .header("Retry-After", Long.toString(e.retryAfterSeconds()))
                .build();
    }

    /** A domain refusal in the contract's shape: its kind decides the status, its code and message are the domain's. */
    @ServerExceptionMapper
    public Response domainRefusal(DomainException e) {
        int status = switch (e.kind()) {
            case INVALID -> 400;
            case CONFLICT -> 409;
            case UNAVAILABLE -> 503;
        };
        return respond(status, e.code(), e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return respond(400, "invalid_json", "Request body is not valid JSON: " + JsonErrors.describe(e), null);
    }

    /**
     * Two requests (or a request and the watcher) changed the same row at once; the loser changed
     * nothing and may retry. A deadlock the database broke, or a lock wait that timed out, is the
     * same race seen from the lock manager: PostgreSQL upgrades an order's row lock when its
     * one-unpaid-order key changes, so two writers of one order can deadlock before the version check.
     */
    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class, ConstraintViolationException.class,
            LockAcquisitionException.class, PessimisticLockException.class, LockTimeoutException.class,
            org.hibernate.PessimisticLockException.class})
    public Response concurrentUpdate(Exception e) {
        return respond(409, "concurrent_update", "Another request changed the same data at the same time; this one changed nothing, retry it", null);
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e) {
        return respond(415, "unsupported_media_type", "Content-Type must be application/json", null);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return respond(404, "not_found", "No such resource", null);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return respond(405, "method_not_allowed", "Method not allowed on this path", null);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String reason = known == null ? "Request refused" : known.getReasonPhrase();
        return respond(status, "http_" + status, reason, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, reference %s", reference);
        return respond(500, "internal_error", "Internal error; the operator can find it in the log as " + reference, null);
    }

    static Response respond(int status, String code, String message, String field) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of(code, message, field))
                .build();
    }
}
