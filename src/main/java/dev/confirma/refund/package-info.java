/**
 * Refunds of paid orders: what a store says it sent back, verified against the transaction on
 * the order's chain; verified refunds that cover the order move it to REFUNDED through the
 * order's state machine. Uses {@code order}, {@code chain} and {@code common}; the v1 adapter uses it.
 */
package dev.confirma.refund;
