/**
 * The chains as configuration, their assets, EVM addresses and EIP-681 URIs, JSON-RPC with
 * failover, and ({@code watch}) the block cursor, reorgs and the transfers recorded. It records
 * facts only and raises {@code BlocksRead}; it uses {@code common} only.
 */
package dev.confirma.chain;
