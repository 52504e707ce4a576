/**
 * Analytics and exports: read-only SQL over orders, payments and refunds, never inside the
 * watcher's transaction. Uses order, store and common; the v1 adapter calls it, never the reverse.
 */
package dev.confirma.reporting;
