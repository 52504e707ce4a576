/**
 * Stores, their wallets, hashed and scoped API keys, webhook secrets, the operator token and
 * API, and the request filters that tell who is calling. Uses {@code chain} and {@code common}.
 */
package dev.confirma.store;
