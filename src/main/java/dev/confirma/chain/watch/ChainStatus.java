package dev.confirma.chain.watch;

import java.time.Instant;

/**
 * What a chain watcher knows of its chain: the node's head, the last processed block, how
 * far behind that is, and why it is not watching, if it is not.
 */
public record ChainStatus(String chain, boolean watching, Long head, Long cursor, Long lag, Instant lastPollAt,
                          String lastError, long reorgs) {
}
