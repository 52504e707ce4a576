/**
 * Fraud screening: a store's rules score each new order, and an order at or above the store's
 * threshold is held for review when it is paid. Uses the order core, common and privacy (an
 * erased order's screening forgets its hashes); the adapters call it when they create an order.
 */
package dev.confirma.fraud;
