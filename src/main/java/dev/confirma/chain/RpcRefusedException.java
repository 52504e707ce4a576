package dev.confirma.chain;

/**
 * Every endpoint answered, with a JSON-RPC error: the node refuses this request (a block range
 * or batch too large, say), which a smaller request may not hit. Not an outage.
 */
public class RpcRefusedException extends ChainUnavailableException {

    public RpcRefusedException(String message) {
        super(message);
    }
}
