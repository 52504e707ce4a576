package dev.confirma.store;

import dev.confirma.common.ServerSecrets;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the copy of an API key that callbacks carry as {@code x-api-key} (Cryptum plugins
 * check it): AES-256-GCM under a server secret. The secret lives in the same database, so
 * this keeps the keys out of dumps, logs and casual reads, not from someone holding the whole
 * database; the key hash used for authentication is unaffected.
 */
@Singleton
public class ApiKeySeal {

    private static final String SECRET_NAME = "api-key-seal";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final ServerSecrets secrets;
    private final SecureRandom random = new SecureRandom();
    private volatile SecretKeySpec key;

    ApiKeySeal(ServerSecrets secrets) {
        this.secrets = secrets;
    }

    String seal(String apiKey) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(apiKey.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    String open(String sealed) {
        byte[] raw = Base64.getDecoder().decode(sealed);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
            return new String(cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // a copy sealed under another secret or altered: never send something that is not the key
            throw new IllegalStateException("a sealed API key copy does not open under this server's secret", e);
        }
    }

    private SecretKeySpec key() {
        if (key == null) {
            byte[] bytes = new byte[32];
            String encoded = secrets.getOrCreate(SECRET_NAME, () -> {
                random.nextBytes(bytes);
                return Base64.getEncoder().encodeToString(bytes);
            }).value();
            key = new SecretKeySpec(Base64.getDecoder().decode(encoded), "AES");
        }
        return key;
    }
}
