package dev.confirma.common;

/** Reads {@code Authorization: Bearer <token>}. */
public final class BearerToken {

    private BearerToken() {
    }

    /** The token, or null when the header is absent, of another scheme, or empty. */
    public static String from(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorizationHeader.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
