/**
 * Health that tells the truth: readiness per chain (the node's head, the cursor, lag in blocks
 * and seconds, the last RPC error, the finalized block) and per rate pair and provider, with
 * the reason when something is down; and {@code GET /health}, one JSON summary of it. Uses
 * {@code chain}, {@code rates}, {@code cluster} and {@code common}; nothing uses it.
 */
package dev.confirma.health;
