package dev.confirma.api;

import dev.confirma.common.error.Problem;
import dev.confirma.common.DomainException;
import dev.confirma.common.error.ApiException;
import dev.confirma.order.InvalidLifecycleTransitionException;
import java.util.List;
import java.util.Map;

/** A bulk request's refused item, as the problem a request of its own would have been answered with. */
final class ItemProblems {

    private ItemProblems() {
    }

    /** The problem for a refusal; anything that is not a refusal (a fault) is thrown on. */
    static Problem of(RuntimeException e) {
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
        throw e;
    }
}
