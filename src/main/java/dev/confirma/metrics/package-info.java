/**
 * Confirma's own metrics beside what Quarkus measures (HTTP server timings): checkouts
 * created, orders by status, the time from a payment seen to confirmed, callback queue depth
 * and dead deliveries, blocks behind per chain, rate age per pair. RPC requests and callback
 * attempts are counted where they happen ({@code chain.RpcMetrics}, {@code callback}). Uses
 * {@code order}, {@code payment}, {@code callback}, {@code chain}, {@code rates}; nothing uses it.
 */
package dev.confirma.metrics;
