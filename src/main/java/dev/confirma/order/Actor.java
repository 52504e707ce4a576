package dev.confirma.order;

/**
 * Who moved an order, as its timeline shows it: a store key (by its prefix, never the key), the
 * chain, or the server itself (the expiry sweep).
 */
public record Actor(String name) {

    public static final Actor CHAIN = new Actor("chain");
    public static final Actor SYSTEM = new Actor("system");

    public Actor {
        if (name == null || name.isBlank() || name.length() > 64) {
            throw new IllegalArgumentException("an actor is named by 1 to 64 characters");
        }
    }

    /** A store acting through the key that starts with {@code prefix}. */
    public static Actor key(String prefix) {
        return new Actor(prefix);
    }
}
