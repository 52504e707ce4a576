package dev.confirma.store;

import dev.confirma.common.Secrets;
import dev.confirma.common.ServerSecrets;
import dev.confirma.config.ServerConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * The operator's bearer token for /admin/**. Taken from {@code confirma.admin-token}; when
 * that is unset, generated at first start, logged once, and kept only as a hash.
 */
@Singleton
public class OperatorToken {

    private static final Logger LOG = Logger.getLogger(OperatorToken.class);
    static final String SECRET_NAME = "admin-token-sha256";

    private final ServerConfig config;
    private final ServerSecrets secrets;
    private volatile String expectedHash;

    OperatorToken(ServerConfig config, ServerSecrets secrets) {
        this.config = config;
        this.secrets = secrets;
    }

    void onStart(@Observes StartupEvent event) {
        expectedHash();
    }

    public boolean matches(String presented) {
        return presented != null && Secrets.constantTimeEquals(Secrets.sha256Hex(presented), expectedHash());
    }

    private String expectedHash() {
        String hash = expectedHash;
        if (hash == null) {
            hash = config.adminToken().filter(t -> !t.isBlank())
                    .map(Secrets::sha256Hex)
                    .orElseGet(this::storedOrGeneratedHash);
            expectedHash = hash;
        }
        return hash;
    }

    private String storedOrGeneratedHash() {
        String[] generated = new String[1];
        ServerSecrets.Stored stored = secrets.getOrCreate(SECRET_NAME, () -> {
            generated[0] = "adm_" + Secrets.randomToken(32);
            return Secrets.sha256Hex(generated[0]);
        });
        if (stored.created()) {
            // Shown this once: only its hash is kept. Set confirma.admin-token to choose your own.
            LOG.warnf("Generated the operator token (shown only now, store it safely): %s", generated[0]);
        }
        return stored.value();
    }
}
