package dev.confirma.support;

import dev.confirma.chain.Protocol;
import dev.confirma.chain.watch.ChainWatcher;
import dev.confirma.rates.MarketRates;
import java.util.List;
import java.util.Map;

/**
 * Where payment tests on the local Celo node start: node and server clocks aligned, the rate
 * stub's default prices fetched, the node reachable and the watcher caught up with it, and a
 * store accepting CELO, cUSD and USDC at a wallet nobody else uses.
 */
public final class CeloScene {

    private CeloScene() {
    }

    public static Fixtures.TestStore caughtUpStore(ChainWatcher watcher, MarketRates rates, String storeName, String wallet) {
        AnvilNodes.CELO.alignClock(TestClockProducer.clock());
        RateStub.resetAll();
        rates.refresh();
        AnvilNodes.CELO_PROXY.restore();
        watcher.poll(TestChains.CELO);
        return Fixtures.createStore(Map.of("name", storeName, "acceptedAssets", List.of("CELO", "cUSD", "USDC"),
                "wallets", List.of(Map.of("protocol", "CELO", "address", wallet))));
    }
}
