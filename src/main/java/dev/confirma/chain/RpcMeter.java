package dev.confirma.chain;

/** Counts JSON-RPC requests sent to a chain's endpoints, and the failed ones, by method. */
public interface RpcMeter {

    /** Counts nothing: for an RPC client made outside the watcher (a test's, say). */
    RpcMeter NONE = new RpcMeter() {
        @Override
        public void sent(Protocol chain, String method) {
        }

        @Override
        public void failed(Protocol chain, String method) {
        }
    };

    void sent(Protocol chain, String method);

    /** The request failed: no answer, or an error answer. */
    void failed(Protocol chain, String method);
}
