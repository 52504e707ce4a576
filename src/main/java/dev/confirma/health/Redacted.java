package dev.confirma.health;

import java.util.regex.Pattern;

/**
 * An error message as health shows it to anyone: an RPC endpoint's URL cut to its scheme and
 * host, since its path or query often carries the provider's API key. {@code ChainRpc} already
 * names endpoints by host alone; this is the second line, for a URL quoted by a library.
 */
final class Redacted {

    /** Scheme, user part (dropped), host and port, then the path and query up to a separator (a ": " ends it too). */
    private static final Pattern URL = Pattern.compile("(https?|wss?)://([^/\\s?#]*@)?([^/\\s?#@]+?)(?:[/?#][^\\s;,]*?)?(?=:?(?:[\\s;,]|$))",
            Pattern.CASE_INSENSITIVE);

    private Redacted() {
    }

    static String error(String message) {
        if (message == null) {
            return null;
        }
        return URL.matcher(message).replaceAll("$1://$3/…");
    }
}
