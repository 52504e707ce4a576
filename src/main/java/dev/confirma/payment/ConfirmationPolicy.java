package dev.confirma.payment;

import dev.confirma.chain.Protocol;
import dev.confirma.chain.config.ChainsConfig;
import jakarta.inject.Singleton;

/** How deep a payment's block must be before it counts: {@code confirma.chains.<chain>.confirmations}. */
@Singleton
public class ConfirmationPolicy {

    private final ChainsConfig chains;

    ConfirmationPolicy(ChainsConfig chains) {
        this.chains = chains;
    }

    /** Blocks on top of and including the payment's block, with {@code head} the last block read. */
    public static long confirmations(long head, long paymentBlock) {
        return Math.max(0, head - paymentBlock + 1);
    }

    public long depth(String chain) {
        return Protocol.parse(chain)
                .map(p -> chains.chains().get(p.configKey()))
                .map(c -> (long) c.confirmations().orElse(1))
                .orElse(1L);
    }

    public boolean isConfirmed(String chain, long confirmations) {
        return confirmations >= depth(chain);
    }
}
