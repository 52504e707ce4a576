package dev.confirma.api;

import dev.confirma.common.error.Problem;
import dev.confirma.common.error.ErrorBody;
import dev.confirma.order.InvalidLifecycleTransitionException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every error under {@code /v1} as problem+json. The server's one mapping of failures to the
 * contract's error body stays where it is; this re-shapes its answers on the way out, so no
 * refusal is worded twice.
 */
public class V1Problems {

    @ServerExceptionMapper
    public Response invalidFields(InvalidFieldsException e) {
        return ItemProblems.of(e).toResponse();
    }

    /** Names where the order is and where it may go, as members a client can read. */
    @ServerExceptionMapper
    public Response invalidTransition(InvalidLifecycleTransitionException e) {
        return ItemProblems.of(e).toResponse();
    }

    @ServerResponseFilter
    public void asProblem(ContainerRequestContext request, ContainerResponseContext response) {
        if (Problem.spokenAt(request.getUriInfo().getPath()) && response.getEntity() instanceof ErrorBody body) {
            response.setEntity(Problem.of(response.getStatus(), body), null, Problem.MEDIA_TYPE);
        }
    }
}
