package dev.confirma.common;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jakarta.inject.Singleton;

/**
 * HMAC-SHA256 under a random key of this server's own, one per purpose (a server secret, made
 * on first use): a stable one-way name for a value, which unlike a bare SHA-256 cannot be
 * reversed by hashing every IPv4 address, a list of emails or a run of customer numbers.
 */
@Singleton
public class KeyedHash {

    private final ServerSecrets secrets;
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    KeyedHash(ServerSecrets secrets) {
        this.secrets = secrets;
    }

    /** The hex HMAC of {@code value} under the key named {@code keyName}. */
    public String hex(String keyName, String value) {
        return hex(key(keyName), value);
    }

    public byte[] key(String keyName) {
        return keys.computeIfAbsent(keyName, name -> Base64.getDecoder().decode(secrets.getOrCreate(name,
                () -> Base64.getEncoder().encodeToString(Secrets.randomBytes(32))).value()));
    }

    public static String hex(byte[] key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
        }
    }
}
