package dev.confirma.api;

import dev.confirma.common.error.Problem;
import dev.confirma.common.Contention;
import dev.confirma.common.DomainException;
import dev.confirma.common.error.ApiException;
import dev.confirma.order.InvalidLifecycleTransitionException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/** A bulk request's refused item, as the problem a request of its own would have been answered with. */
final class ItemProblems {

    private ItemProblems() {
    }

    private static final Logger LOG = Logger.getLogger(ItemProblems.class);

    /**
     * The problem for a refused item. A lost race is a 409 the caller may retry; a fault is a 500
     * whose reference the operator finds in the log: the items done before it stay answered.
     */
    static Problem of(RuntimeException e) {
        if (Contention.isRace(e)) {
            return Problem.of(409, "concurrent_update", "Another request changed the same data at the same time; this item changed"
                    + " nothing, retry it", List.of(), Map.of());
        }
        if (e instanceof InvalidFieldsException invalid) {
            return Problem.of(400, "invalid_request", invalid.getMessage(), invalid.errors(), Map.of());
        }
        if (e instanceof ApiException api) {
            return Problem.of(api.status(), api.code(), api.getMessage(),
                    api.field() == null ? List.of() : List.of(new Problem.FieldError(api.field(), api.getMessage())), Map.of());
        }
        if (e instanceof InvalidLifecycleTransitionException transition) {
            return Problem.of(409, transition.code(), transition.getMessage(), List.of(), Map.of("current_status", transition.from().name(),
                    "allowed_statuses", transition.allowed().stream().map(Enum::name).sorted().toList()));
        }
        if (e instanceof DomainException refusal) {
            int status = switch (refusal.kind()) {
                case INVALID -> 400;
                case CONFLICT -> 409;
                case UNAVAILABLE -> 503;
            };
            return Problem.of(status, refusal.code(), refusal.getMessage(), List.of(), Map.of());
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error in a bulk item, reference %s", reference);
        return Problem.of(500, "internal_error", "Internal error; the operator can find it in the log as " + reference, List.of(),
                Map.of());
    }
}
