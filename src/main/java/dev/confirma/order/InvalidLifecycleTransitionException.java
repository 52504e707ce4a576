package dev.confirma.order;

import dev.confirma.common.DomainException;
import java.util.Set;
import java.util.stream.Collectors;

/** The lifecycle table does not allow the order to move from {@code from} to {@code to}; names where it may go. */
public class InvalidLifecycleTransitionException extends DomainException {

    private final String orderId;
    private final LifecycleStatus from;
    private final LifecycleStatus to;
    private final Set<LifecycleStatus> allowed;

    public InvalidLifecycleTransitionException(String orderId, LifecycleStatus from, LifecycleStatus to, Set<LifecycleStatus> allowed) {
        this(orderId, from, to, "become " + to, allowed);
    }

    /** {@code asked} words the refused move ({@code "be released"}) when it names no status of its own; {@code to} is then null. */
    public InvalidLifecycleTransitionException(String orderId, LifecycleStatus from, LifecycleStatus to, String asked,
                                               Set<LifecycleStatus> allowed) {
        super("Order " + orderId + " is " + from + " and cannot " + asked + "; "
                + (allowed.isEmpty() ? from + " is final" : "from " + from + " it can become "
                + allowed.stream().map(Enum::name).collect(Collectors.joining(", "))));
        this.orderId = orderId;
        this.from = from;
        this.to = to;
        this.allowed = Set.copyOf(allowed);
    }

    public String orderId() {
        return orderId;
    }

    public LifecycleStatus from() {
        return from;
    }

    public LifecycleStatus to() {
        return to;
    }

    public Set<LifecycleStatus> allowed() {
        return allowed;
    }

    @Override
    public Kind kind() {
        return Kind.CONFLICT;
    }

    @Override
    public String code() {
        return "invalid_status_transition";
    }
}
