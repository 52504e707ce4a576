package dev.confirma.callback.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** How callbacks to a store's {@code callbackUrl} are sent and retried, under {@code confirma.callbacks.*}. */
@ConfigMapping(prefix = "confirma.callbacks")
public interface CallbacksConfig {

    /** Allow callback URLs that resolve to loopback, private, link-local, unique-local, multicast or metadata addresses. */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /**
     * Waits between attempts (the first attempt is immediate); after the last one fails the
     * delivery is dead. The default spans 94 hours, up to a quarter more with jitter.
     */
    @WithDefault("PT1M,PT5M,PT15M,PT1H,PT3H,PT6H,PT12H,PT24H,PT24H,PT24H")
    List<Duration> retryDelays();

    /** Longest wait for the receiver to accept the connection. */
    @WithDefault("PT5S")
    Duration connectTimeout();

    /** Longest wait for the whole answer (connect, send, status, the first bytes of the body). */
    @WithDefault("PT15S")
    Duration timeout();

    /** How often due deliveries are looked for. */
    @WithDefault("PT2S")
    Duration pollInterval();
}
