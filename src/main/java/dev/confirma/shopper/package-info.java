/**
 * Shoppers' access to one order: signed, expiring session tokens, and checking them. Used by
 * the hosted page and by the plugin API (a shopper may attach a transaction hash). Uses
 * {@code order} and {@code common}.
 */
package dev.confirma.shopper;
