package dev.confirma.chain.watch;

import dev.confirma.chain.Protocol;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The highest block of each chain that its node calls finalized and that the watcher has
 * read with the same hash. Nothing at or below it can be reorganised away, whatever its depth.
 * Kept in memory: after a restart it is known again at the first poll.
 */
@Singleton
public class ChainFinality {

    private final Map<Protocol, Long> finalized = new ConcurrentHashMap<>();

    public OptionalLong finalizedBlock(Protocol chain) {
        Long number = finalized.get(chain);
        return number == null ? OptionalLong.empty() : OptionalLong.of(number);
    }

    public boolean isFinal(Protocol chain, long blockNumber) {
        Long number = finalized.get(chain);
        return number != null && blockNumber <= number;
    }

    void finalizedAt(Protocol chain, long number) {
        finalized.merge(chain, number, Math::max);
    }
}
