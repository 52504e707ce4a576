package dev.confirma.chain.watch;

import java.time.Instant;

/**
 * What a chain watcher knows of its chain: the node's head, the last processed block, how
 * far behind that is, the node's finalized block (when it has the tag), the eth_getLogs range
 * in use, and why it is not watching, if it is not.
 */
public record ChainStatus(String chain, boolean watching, Long head, Long cursor, Long lag, Long finalized, int logRange,
                          Instant lastPollAt, String lastError, long reorgs) {
}
