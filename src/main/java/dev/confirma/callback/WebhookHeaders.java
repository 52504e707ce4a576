package dev.confirma.callback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A subscription's extra request headers (an auth token for the receiver, say): at most ten,
 * each an HTTP token name and a value of visible characters, never one that Confirma sets
 * itself (the signatures, the content, the host).
 */
public final class WebhookHeaders {

    public static final int MAX = 10;
    private static final Pattern NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}");
    private static final Pattern VALUE = Pattern.compile("[\\x20-\\x7E\\t]{1,1000}");
    private static final Set<String> RESERVED = Set.of("content-type", "content-length", "host", "user-agent", "connection",
            "transfer-encoding", "te", "trailer", "upgrade", "expect", "keep-alive", "proxy-connection", "x-api-key",
            CallbackSignatures.BODY_SIGNATURE, CallbackSignatures.ID, CallbackSignatures.TIMESTAMP, CallbackSignatures.SIGNATURE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookHeaders() {
    }

    /** Why a header may not be sent, or empty when it may. */
    public static Optional<String> refusal(String name, String value) {
        if (!NAME.matcher(name).matches()) {
            return Optional.of("a header name is 1 to 64 token characters (letters, digits, !#$%&'*+.^_`|~-)");
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT)) || name.toLowerCase(Locale.ROOT).startsWith("webhook-")) {
            return Optional.of(name + " is set by Confirma itself and may not be replaced");
        }
        if (value == null || !VALUE.matcher(value).matches()) {
            return Optional.of("a header value is 1 to 1000 visible ASCII characters (no line breaks)");
        }
        return Optional.empty();
    }

    static String format(Map<String, String> headers) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(headers));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always writes as JSON", e);
        }
    }

    static Map<String, String> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<TreeMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored webhook headers are not a JSON object of strings: " + e.getOriginalMessage(), e);
        }
    }
}
