package dev.confirma.chain.watch;

import java.time.Instant;

/**
 * What a chain watcher knows of its chain: the node's head, the last processed block, how
 * far behind that is, the node's finalized block (when it has the tag), the eth_getLogs range
 * in use, and why it is not watching, if it is not. {@code caughtUpAt}: when this instance last
 * had every block up to the node's head read. {@code standby}: another instance holds the
 * chain's lease and reads it ({@code watchedBy}); this one only waits to take over.
 */
public record ChainStatus(String chain, boolean watching, Long head, Long cursor, Long lag, Long finalized, int logRange,
                          Instant lastPollAt, String lastError, long reorgs, Instant caughtUpAt, boolean standby, String watchedBy) {
}
