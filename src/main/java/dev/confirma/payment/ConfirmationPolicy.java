package dev.confirma.payment;

import dev.confirma.chain.Chains;
import dev.confirma.chain.watch.ChainFinality;
import jakarta.inject.Singleton;

/**
 * When a payment counts: its block is {@code confirma.chains.<chain>.confirmations} deep, or
 * the node calls it finalized, whichever comes first.
 */
@Singleton
public class ConfirmationPolicy {

    private final Chains chains;
    private final ChainFinality finality;

    ConfirmationPolicy(Chains chains, ChainFinality finality) {
        this.chains = chains;
        this.finality = finality;
    }

    /** Blocks on top of and including the payment's block, with {@code head} the last block read. */
    public static long confirmations(long head, long paymentBlock) {
        return Math.max(0, head - paymentBlock + 1);
    }

    /** The chain's confirmation depth; 1 for a chain this server no longer lists. */
    public long depth(String chain) {
        return chains.byName(chain).map(c -> (long) c.confirmations()).orElse(1L);
    }

    public boolean isConfirmed(String chain, long blockNumber, long confirmations) {
        return confirmations >= depth(chain)
                || confirmations > 0 && chains.parse(chain).map(p -> finality.isFinal(p, blockNumber)).orElse(false);
    }
}
