package dev.confirma.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;

/**
 * Two real local EVM nodes (anvil, from its npm package) standing in for Celo (chain id
 * 42220) and Ethereum (chain id 1). Celo is reached through a JSON-RPC proxy a test can cut,
 * to play an outage, and behind a dead endpoint listed first, so every request fails over.
 */
public class AnvilNodes implements QuarkusTestResourceLifecycleManager {

    public static final Node CELO = new Node(42220);
    public static final Node ETHEREUM = new Node(1);
    /** Between the server and the Celo node; {@link RpcProxy#cut()} makes the node unreachable. */
    public static final RpcProxy CELO_PROXY = new RpcProxy();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Override
    public Map<String, String> start() {
        CELO.start();
        ETHEREUM.start();
        CELO_PROXY.start(CELO.url());
        return Map.of(
                "confirma.chains.celo.rpc-urls", "http://127.0.0.1:" + freePort() + "," + CELO_PROXY.url(),
                "confirma.chains.ethereum.rpc-urls", ETHEREUM.url(),
                "confirma.chains.celo.rpc-timeout", "PT2S",
                // tests poll explicitly; the only scheduled poll is the one at start
                "confirma.chains.celo.poll-interval", "PT24H",
                "confirma.chains.ethereum.poll-interval", "PT24H");
    }

    @Override
    public void stop() {
        CELO_PROXY.stop();
        CELO.stop();
        ETHEREUM.stop();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One anvil process. */
    public static final class Node {
        private final long chainId;
        private Process process;
        private int port;

        Node(long chainId) {
            this.chainId = chainId;
        }

        void start() {
            String binary = System.getProperty("confirma.test.anvil", "target/anvil/package/bin/anvil");
            if (!Files.isExecutable(Path.of(binary))) {
                throw new IllegalStateException("no anvil at " + binary + ": run the tests through Maven (./mvnw test), which fetches it");
            }
            port = freePort();
            try {
                process = new ProcessBuilder(binary, "--host", "127.0.0.1", "--port", String.valueOf(port),
                        "--chain-id", String.valueOf(chainId), "--silent")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start anvil", e);
            }
            Awaitility.await("anvil on port " + port).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .ignoreExceptions().until(() -> call("eth_chainId").asText().equals("0x" + Long.toHexString(chainId)));
        }

        void stop() {
            if (process != null) {
                process.destroy();
            }
        }

        public String url() {
            return "http://127.0.0.1:" + port;
        }

        /** A JSON-RPC call straight to the node (not through the server), returning {@code result}. */
        public JsonNode call(String method, Object... params) {
            try {
                String body = JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "id", 1, "method", method, "params", List.of(params)));
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url()))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                JsonNode answer = JSON.readTree(response.body());
                if (answer.has("error")) {
                    throw new IllegalStateException(method + ": " + answer.get("error"));
                }
                return answer.get("result");
            } catch (IOException e) {
                throw new IllegalStateException(method + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        public long blockNumber() {
            return Long.decode(call("eth_blockNumber").asText());
        }

        public String blockHash(long number) {
            return call("eth_getBlockByNumber", "0x" + Long.toHexString(number), false).get("hash").asText();
        }

        public void mine(int blocks) {
            call("anvil_mine", "0x" + Integer.toHexString(blocks));
        }

        public String snapshot() {
            return call("evm_snapshot").asText();
        }

        public void revert(String snapshot) {
            call("evm_revert", snapshot);
        }
    }

    /** Forwards JSON-RPC to a node until cut; while cut, answers 503 like a load balancer whose node is gone. */
    public static final class RpcProxy {
        private HttpServer server;
        private volatile String target;
        private volatile boolean cut;

        void start(String target) {
            this.target = target;
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", this::forward);
            server.start();
        }

        void stop() {
            if (server != null) {
                server.stop(0);
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        public void cut() {
            cut = true;
        }

        public void restore() {
            cut = false;
        }

        private void forward(HttpExchange exchange) throws IOException {
            byte[] answer;
            int status;
            if (cut) {
                status = 503;
                answer = "node unavailable".getBytes();
            } else {
                try {
                    HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(target))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes())).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    status = response.statusCode();
                    answer = response.body();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }
}
