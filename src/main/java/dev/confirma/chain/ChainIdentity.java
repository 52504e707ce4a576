package dev.confirma.chain;

import java.util.Optional;

/** Checks that an endpoint serves the chain it is configured for: a wrong chain id is never watched. */
public final class ChainIdentity {

    private ChainIdentity() {
    }

    /** Why the node must not be watched, or empty when its chain id is the expected one. */
    public static Optional<String> mismatch(ChainRpc rpc, long expectedChainId) {
        long actual = rpc.send("eth_chainId", node -> node.ethChainId()).getChainId().longValueExact();
        if (actual == expectedChainId) {
            return Optional.empty();
        }
        return Optional.of("the node's chain id is " + actual + ", expected " + expectedChainId
                + " (confirma.chains." + rpc.protocol().configKey() + ".chain-id): not watching it");
    }
}
