package dev.confirma.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Server-wide settings under {@code confirma.*}. */
@ConfigMapping(prefix = "confirma")
public interface ServerConfig {

    /** Base URL shoppers reach the server at; used to build {@code paymentUrl}. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** Operator token for /admin/**; generated at first start and logged once when unset. */
    Optional<String> adminToken();
}
