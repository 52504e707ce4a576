package dev.confirma.common;

/**
 * A refusal by the domain's rules, in the domain's words, with no HTTP status: the API edge
 * maps its kind once ({@code common.error.ApiErrorMappers}); an adapter that words it differently maps the
 * exception type itself.
 */
public abstract class DomainException extends RuntimeException {

    /** What kind of refusal it is, which an adapter turns into its own status. */
    public enum Kind {
        /** The request asks for something the rules never allow; the caller must change it. */
        INVALID,
        /** Not now: the thing is not in a state that allows it. */
        CONFLICT,
        /** Something the server depends on cannot answer; the same request may work later. */
        UNAVAILABLE
    }

    protected DomainException(String message) {
        super(message, null, false, false);
    }

    public abstract Kind kind();

    /** A stable, machine-readable name of the refusal ({@code invalid_status_transition}). */
    public abstract String code();
}
