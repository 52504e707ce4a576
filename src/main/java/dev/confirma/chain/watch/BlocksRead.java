package dev.confirma.chain.watch;

import dev.confirma.chain.Protocol;

/** Raised after a watcher poll read its chain up to {@code head}: recorded transfers may now be attributed. */
public record BlocksRead(Protocol chain, long head) {
}
