package dev.confirma.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP server answering as CoinGecko ({@code /coingecko/api/v3/simple/price}) and
 * Coinbase ({@code /coinbase/v2/exchange-rates}) do, in their real formats. Tests change
 * what each answers: prices, an HTTP status, garbage, a dropped connection, or no answer.
 */
public class RateStub implements QuarkusTestResourceLifecycleManager {

    /**
     * Default prices agree between the two: 1 CELO = 0.5 USD, 1 ETH = 2000 USD, 1 USD = 5 BRL = 0.9 EUR.
     * Only CoinGecko's prices Mento's stablecoins (cUSD at 1 USD, cEUR at 1.25 USD, cREAL at 0.2 USD = 1 BRL): Coinbase's
     * lists none of them.
     */
    public static final String COINGECKO_DEFAULT = """
            {"celo":{"usd":0.5,"brl":2.5,"eur":0.45},
             "celo-dollar":{"usd":1.0,"brl":5.0,"eur":0.9},
             "celo-euro":{"usd":1.25,"brl":6.25,"eur":1.125},
             "celo-real-creal":{"usd":0.2,"brl":1.0,"eur":0.18},
             "usd-coin":{"usd":1.0,"brl":5.0,"eur":0.9},
             "ethereum":{"usd":2000,"brl":10000,"eur":1800},
             "tether":{"usd":1,"brl":5,"eur":0.9}}""";
    public static final String COINBASE_DEFAULT = """
            {"data":{"currency":"USD","rates":{"BRL":"5.0","EUR":"0.9","JPY":"150","CELO":"2.0","ETH":"0.0005",
             "USDC":"1.0","USDT":"1.0","BTC":"0.00001"}}}""";

    public enum Mode { ANSWER, DROP_CONNECTION, HANG }

    /** What one provider's endpoint does next. */
    public static final class Endpoint {
        private volatile Mode mode = Mode.ANSWER;
        private volatile int status = 200;
        private volatile String body;
        private final String defaultBody;
        private final List<URI> requests = new CopyOnWriteArrayList<>();
        private volatile CountDownLatch release = new CountDownLatch(0);

        Endpoint(String defaultBody) {
            this.defaultBody = defaultBody;
            this.body = defaultBody;
        }

        public Endpoint answers(int status, String body) {
            this.mode = Mode.ANSWER;
            this.status = status;
            this.body = body;
            return this;
        }

        public Endpoint dropsConnection() {
            this.mode = Mode.DROP_CONNECTION;
            return this;
        }

        /** Accepts the request and says nothing until {@link #reset()}: a provider slower than any timeout. */
        public Endpoint hangs() {
            this.release = new CountDownLatch(1);
            this.mode = Mode.HANG;
            return this;
        }

        public void reset() {
            release.countDown();
            answers(200, defaultBody);
            requests.clear();
        }

        public List<URI> requests() {
            return requests;
        }

        void handle(HttpExchange exchange) throws IOException {
            requests.add(exchange.getRequestURI());
            switch (mode) {
                case DROP_CONNECTION -> exchange.close();
                case HANG -> {
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    exchange.close();
                }
                case ANSWER -> {
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(status, bytes.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes);
                    }
                }
            }
        }
    }

    public static final Endpoint COINGECKO = new Endpoint(COINGECKO_DEFAULT);
    public static final Endpoint COINBASE = new Endpoint(COINBASE_DEFAULT);
    private static HttpServer server;

    public static void resetAll() {
        COINGECKO.reset();
        COINBASE.reset();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/coingecko/api/v3/simple/price", COINGECKO::handle);
        server.createContext("/coinbase/v2/exchange-rates", COINBASE::handle);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "confirma.rates.coingecko.url", base + "/coingecko",
                "confirma.rates.coinbase.url", base + "/coinbase",
                "confirma.rates.timeout", "PT1S",
                // tests refresh explicitly; the only scheduled refresh is the one at start
                "confirma.rates.refresh-interval", "PT24H");
    }

    @Override
    public void stop() {
        resetAll();
        if (server != null) {
            server.stop(0);
        }
    }
}
