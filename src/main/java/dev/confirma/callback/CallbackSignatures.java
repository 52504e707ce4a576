package dev.confirma.callback;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a callback twice, as CONTRACT §4 says: {@code x-webhook-signature} over the body
 * (what Cryptum-style plugins check) and the Standard Webhooks headers over
 * {@code id.timestamp.body}. The HMAC key is the store's {@code webhookSecret} exactly as
 * the API shows it, {@code whsec_} prefix included, as UTF-8 bytes (docs/CALLBACKS.md says
 * how to hand that key to a Standard Webhooks library). {@link #verify} is the receiver's
 * side, used by tests: constant-time compare and a timestamp tolerance, as stripe-java does.
 */
public final class CallbackSignatures {

    public static final String BODY_SIGNATURE = "x-webhook-signature";
    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";

    private CallbackSignatures() {
    }

    /** The four signature headers for one attempt. */
    public static Map<String, String> headers(String secret, String webhookId, Instant at, byte[] body) {
        String timestamp = Long.toString(at.getEpochSecond());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(BODY_SIGNATURE, base64Hmac(secret, body));
        headers.put(ID, webhookId);
        headers.put(TIMESTAMP, timestamp);
        headers.put(SIGNATURE, "v1," + base64Hmac(secret, signedContent(webhookId, timestamp, body)));
        return headers;
    }

    /** Why a received callback's signatures do not hold. */
    public static final class InvalidSignature extends Exception {
        InvalidSignature(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Checks both signatures of a received callback: the body signature, and one of the
     * space-separated {@code v1,} signatures within {@code tolerance} of {@code clock}.
     */
    public static void verify(String secret, Map<String, String> headers, byte[] body, Clock clock, Duration tolerance)
            throws InvalidSignature {
        String bodySignature = headers.get(BODY_SIGNATURE);
        if (bodySignature == null || !constantTimeEquals(base64Hmac(secret, body), bodySignature)) {
            throw new InvalidSignature(BODY_SIGNATURE + " does not match the body");
        }
        String id = headers.get(ID);
        String timestamp = headers.get(TIMESTAMP);
        String signatures = headers.get(SIGNATURE);
        if (id == null || timestamp == null || signatures == null) {
            throw new InvalidSignature("the Standard Webhooks headers are missing");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new InvalidSignature(TIMESTAMP + " is not a number of seconds");
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs().compareTo(tolerance) > 0) {
            throw new InvalidSignature(TIMESTAMP + " is outside the tolerance");
        }
        String expected = base64Hmac(secret, signedContent(id, timestamp, body));
        for (String candidate : signatures.split(" ")) {
            if (candidate.startsWith("v1,") && constantTimeEquals(expected, candidate.substring(3))) {
                return;
            }
        }
        throw new InvalidSignature(SIGNATURE + " does not match");
    }

    private static byte[] signedContent(String id, String timestamp, byte[] body) {
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        return content;
    }

    static String base64Hmac(String secret, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
        }
    }

    private static boolean constantTimeEquals(String expected, String presented) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
