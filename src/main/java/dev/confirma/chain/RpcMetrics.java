package dev.confirma.chain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * {@link RpcMeter} in Micrometer: {@code confirma_rpc_requests_total} and
 * {@code confirma_rpc_errors_total}, tagged with the chain and the JSON-RPC method (a handful of
 * methods per chain, so the series stay few).
 */
@Singleton
public class RpcMetrics implements RpcMeter {

    private final MeterRegistry registry;

    RpcMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void sent(Protocol chain, String method) {
        counter("confirma.rpc.requests", "JSON-RPC requests sent to a chain's endpoints", chain, method).increment();
    }

    @Override
    public void failed(Protocol chain, String method) {
        counter("confirma.rpc.errors", "JSON-RPC requests that failed (no answer, or an error answer)", chain, method).increment();
    }

    private Counter counter(String name, String description, Protocol chain, String method) {
        return Counter.builder(name).description(description).tag("chain", chain.name()).tag("method", method).register(registry);
    }
}
