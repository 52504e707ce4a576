package dev.confirma.store;

import java.util.List;

/**
 * What a store key may do (CONTRACT §2): {@code read} only (GET and HEAD, for reporting tools)
 * or {@code read,write}. Stored as that text.
 */
public enum KeyScopes {
    READ("read"),
    READ_WRITE("read,write");

    private final String stored;

    KeyScopes(String stored) {
        this.stored = stored;
    }

    public String stored() {
        return stored;
    }

    public List<String> names() {
        return List.of(stored.split(","));
    }

    public boolean canWrite() {
        return this == READ_WRITE;
    }

    static KeyScopes ofStored(String stored) {
        for (KeyScopes scopes : values()) {
            if (scopes.stored.equals(stored)) {
                return scopes;
            }
        }
        throw new IllegalStateException("an API key's stored scopes are " + stored + ", neither read nor read,write");
    }
}
