package dev.confirma.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.confirma.chain.watch.ChainWatcher;
import dev.confirma.rates.MarketRates;
import dev.confirma.support.AnvilNodes;
import dev.confirma.support.RateStub;
import dev.confirma.support.TestChains;
import dev.confirma.support.TestClockProducer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Readiness and {@code GET /health} tell the truth: ready while every chain is read up to its
 * node's head and every rate is fresh; DOWN, naming the chain, once a stopped node has kept its
 * watcher behind for longer than {@code confirma.health.max-chain-lag} (PT2M); DOWN once rates are
 * past {@code confirma.rates.max-age} (PT5M); degraded, still ready, in between. Real nodes, the
 * test clock.
 */
@QuarkusTest
class ReadinessTest {

    private static final String CHAINS = "checks.find { it.name == 'chains' }.data.";
    private static final String RATES = "checks.find { it.name == 'rates' }.data.";

    @Inject
    ChainWatcher watcher;

    @Inject
    MarketRates rates;

    @Test
    void shouldBeReadyAndHealthyWhenEveryChainIsCaughtUpAndRatesAreFresh() {
        everythingFresh();
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(CHAINS + "CELO", equalTo("UP"))
                .body(CHAINS + "'CELO.lagSeconds'", equalTo("0"))
                .body(RATES + "rates", equalTo("UP"));
        given().get("/health").then().statusCode(200)
                .body("status", equalTo("healthy"))
                .body("checks.database.status", equalTo("healthy"))
                .body("checks.'chain.CELO'.status", equalTo("healthy"))
                .body("checks.'chain.CELO'.syncStatus", equalTo("synced"))
                .body("checks.'chain.CELO'.blockHeight", equalTo((int) AnvilNodes.CELO.blockNumber()))
                .body("checks.'chain.CELO'.cursor", equalTo((int) AnvilNodes.CELO.blockNumber()))
                .body("checks.'chain.CELO'.lagBlocks", equalTo(0))
                .body("checks.'chain.ETHEREUM'.status", equalTo("healthy"))
                .body("checks.rates.status", equalTo("healthy"))
                .body("checks.rates.pairs.'CELO/USD'.fresh", equalTo(true))
                .body("checks.rates.providers.coingecko.lastError", equalTo(null));
    }

    @Test
    void shouldTurnReadinessDownNamingTheChainWhenItsNodeStopsPastTheLagLimit() {
        everythingFresh();
        AnvilNodes.ETHEREUM.stopForAWhile();
        try {
            watcher.poll(TestChains.ETHEREUM);
            // a failed read inside the limit: still ready, degraded in the summary
            given().get("/q/health/ready").then().statusCode(200).body(CHAINS + "ETHEREUM", startsWith("DEGRADED: the last read failed"));
            given().get("/health").then().statusCode(200).body("status", equalTo("degraded"))
                    .body("checks.'chain.ETHEREUM'.status", equalTo("degraded"));

            TestClockProducer.clock().advance(Duration.ofMinutes(2).plusSeconds(1));
            rates.refresh();
            watcher.poll(TestChains.CELO);
            watcher.poll(TestChains.ETHEREUM);
            given().get("/q/health/ready").then().statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body(CHAINS + "CELO", equalTo("UP"))
                    .body(CHAINS + "ETHEREUM", startsWith("DOWN: last caught up with its node 121 s ago, more than the 120 s allowed"))
                    .body(CHAINS + "ETHEREUM", containsString("last error"))
                    .body(RATES + "rates", equalTo("UP"));
            given().get("/health").then().statusCode(503)
                    .body("status", equalTo("unhealthy"))
                    .body("checks.'chain.ETHEREUM'.status", equalTo("unhealthy"))
                    .body("checks.'chain.ETHEREUM'.syncStatus", equalTo("behind"))
                    .body("checks.'chain.ETHEREUM'.lagSeconds", equalTo(121))
                    .body("checks.'chain.CELO'.status", equalTo("healthy"));
        } finally {
            AnvilNodes.ETHEREUM.startAgain();
        }
        watcher.poll(TestChains.ETHEREUM);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void shouldTurnReadinessDownWhenRatesArePastMaxAge() {
        everythingFresh();
        TestClockProducer.clock().advance(Duration.ofMinutes(5).plusSeconds(1));
        watcher.poll(TestChains.CELO);
        watcher.poll(TestChains.ETHEREUM);
        given().get("/q/health/ready").then().statusCode(503)
                .body(CHAINS + "CELO", equalTo("UP"))
                .body(RATES + "rates", startsWith("DOWN: rates older than confirma.rates.max-age (300 s) are not used: "))
                .body(RATES + "rates", containsString("CELO/USD (301 s)"));
        given().get("/health").then().statusCode(503)
                .body("checks.rates.status", equalTo("unhealthy"))
                .body("checks.rates.pairs.'CELO/USD'.fresh", equalTo(false))
                .body("checks.rates.pairs.'CELO/USD'.ageSeconds", equalTo(301));

        rates.refresh();
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void shouldShowRatesDegradedWhenOneProviderFailsWhileTheOtherKeepsThemFresh() {
        everythingFresh();
        RateStub.COINGECKO.answers(500, "{\"error\":\"down\"}");
        try {
            rates.refresh();
            given().get("/q/health/ready").then().statusCode(200).body(RATES + "rates", startsWith("DEGRADED: the last request failed for coingecko"));
            given().get("/health").then().statusCode(200)
                    .body("status", equalTo("degraded"))
                    .body("checks.rates.providers.coingecko.lastError", not(equalTo(null)))
                    .body("checks.rates.providers.coinbase.lastError", equalTo(null));
        } finally {
            RateStub.resetAll();
        }
    }

    private void everythingFresh() {
        RateStub.resetAll();
        rates.refresh();
        AnvilNodes.CELO_PROXY.restore();
        watcher.poll(TestChains.CELO);
        watcher.poll(TestChains.ETHEREUM);
    }
}
