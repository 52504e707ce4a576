package dev.confirma.payment;

import dev.confirma.chain.Protocol;
import dev.confirma.chain.config.ChainsConfig;
import dev.confirma.chain.watch.ChainFinality;
import jakarta.inject.Singleton;

/**
 * When a payment counts: its block is {@code confirma.chains.<chain>.confirmations} deep, or
 * the node calls it finalized, whichever comes first.
 */
@Singleton
public class ConfirmationPolicy {

    private final ChainsConfig chains;
    private final ChainFinality finality;

    ConfirmationPolicy(ChainsConfig chains, ChainFinality finality) {
        this.chains = chains;
        this.finality = finality;
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

    public boolean isConfirmed(String chain, long blockNumber, long confirmations) {
        return confirmations >= depth(chain)
                || confirmations > 0 && Protocol.parse(chain).map(p -> finality.isFinal(p, blockNumber)).orElse(false);
    }
}
