/**
 * Payments: pricing an order into quotes with unique amounts and deposit addresses,
 * attributing the transfers the chain recorded to orders, claims, the confirmation policy, the
 * decisions that ask the order's state machine for a verdict, and the one list of an order's
 * transactions ({@link dev.confirma.payment.OrderTransactions}). Uses {@code order},
 * {@code chain}, {@code rates}, {@code store}, {@code common}.
 */
package dev.confirma.payment;
