package dev.confirma.api;

/** Whether the refunds verified on chain cover an order: what a dispute resolved as refunded needs. */
interface RefundCoverage {

    boolean covered(String orderId);
}
