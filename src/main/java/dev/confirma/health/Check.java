package dev.confirma.health;

import java.util.Map;

/**
 * One part's health: UP, DEGRADED (working, with something an operator should look at) or
 * DOWN (not able to do its work: readiness fails), why when not UP, and what was measured.
 */
public record Check(String name, Status status, String reason, Map<String, Object> data) {

    public enum Status {
        UP, DEGRADED, DOWN;

        /** The worse of the two. */
        Status and(Status other) {
            return other.ordinal() > ordinal() ? other : this;
        }
    }
}
