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

    /** Anvil's default epoch: its finalized block is 64 behind the head, deeper than Celo's 10 confirmations. */
    public static final Node CELO = new Node(42220, 32);
    /** Epochs of 2 slots: the finalized block is 4 behind the head, shallower than Ethereum's 12 confirmations. */
    public static final Node ETHEREUM = new Node(1, 2);
    /** Between the server and the Celo node; {@link RpcProxy#cut()} makes the node unreachable. */
    public static final RpcProxy CELO_PROXY = new RpcProxy();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Anvil's first dev account: unlocked, funded, sends every test payment and deploys the tokens. */
    public static final String PAYER = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

    @Override
    public Map<String, String> start() {
        CELO.start();
        ETHEREUM.start();
        CELO_PROXY.start(CELO.url());
        // the accepted stablecoins, deployed for real: 18 decimals (cUSD, cEUR, cREAL) and 6 (USDC, USDT)
        CELO.deployToken("cUSD", 18);
        CELO.deployToken("USDC", 6);
        CELO.deployToken("USDT", 6);
        CELO.deployToken("cEUR", 18);
        CELO.deployToken("cREAL", 18);
        ETHEREUM.deployToken("USDC", 6);
        ETHEREUM.deployToken("USDT", 6);
        // CELO's own ERC-20 interface (token duality, 0x471E…a438 on Celo): a test token plays it, so its Transfer logs,
        // which carry no native value on this node, are what the server must count as CELO
        CELO.deployNativeTokenInterface("CELO");
        Map<String, String> config = new java.util.HashMap<>(Map.of(
                "confirma.chains.celo.rpc-urls", "http://127.0.0.1:" + freePort() + "," + CELO_PROXY.url(),
                "confirma.chains.ethereum.rpc-urls", ETHEREUM.url(),
                "confirma.chains.celo.rpc-timeout", "PT2S",
                // tests poll explicitly; the only scheduled poll is the one at start
                "confirma.chains.celo.poll-interval", "PT24H",
                "confirma.chains.ethereum.poll-interval", "PT24H"));
        CELO.tokens.forEach((symbol, address) -> config.put("confirma.chains.celo.assets." + symbol + ".contract", address));
        config.put("confirma.chains.celo.assets.CELO.token-contract", CELO.nativeTokenInterface);
        ETHEREUM.tokens.forEach((symbol, address) -> config.put("confirma.chains.ethereum.assets." + symbol + ".contract", address));
        return config;
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
        private final Map<String, String> tokens = new java.util.LinkedHashMap<>();
        /** The contract standing in for the native coin's ERC-20 interface, when deployed. */
        private String nativeTokenInterface;
        private Process process;
        private int port;
        private Path state;

        private final int slotsInAnEpoch;

        Node(long chainId, int slotsInAnEpoch) {
            this.chainId = chainId;
            this.slotsInAnEpoch = slotsInAnEpoch;
        }

        /** A node of its own for a test outside the Quarkus test resources (an IT starting packaged servers); stop it with {@link #close()}. */
        public static Node startStandalone(long chainId) {
            Node node = new Node(chainId, 2);
            node.start();
            return node;
        }

        public void close() {
            stop();
        }

        void start() {
            String binary = System.getProperty("test.anvil.binary", "target/anvil/package/bin/anvil");
            if (!Files.isExecutable(Path.of(binary))) {
                throw new IllegalStateException("no anvil at " + binary + ": run the tests through Maven (./mvnw test), which fetches it");
            }
            try {
                // anvil writes its whole chain here when stopped and reads it back at start: a restart keeps the chain
                state = Files.createTempDirectory("anvil-" + chainId).resolve("state.json");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            port = freePort();
            launch(binary);
        }

        private void launch(String binary) {
            try {
                process = new ProcessBuilder(binary, "--host", "127.0.0.1", "--port", String.valueOf(port),
                        "--chain-id", String.valueOf(chainId), "--slots-in-an-epoch", String.valueOf(slotsInAnEpoch),
                        "--state", state.toString(), "--silent")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start anvil", e);
            }
            Awaitility.await("anvil on port " + port).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .ignoreExceptions().until(() -> call("eth_chainId").asText().equals("0x" + Long.toHexString(chainId)));
        }

        /** Stops the node process for real (it saves its chain); {@link #startAgain()} brings the same chain back. */
        public void stopForAWhile() {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        public void startAgain() {
            launch(System.getProperty("test.anvil.binary", "target/anvil/package/bin/anvil"));
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

        /** The deployed test token's address (EIP-55), by symbol. */
        public String token(String symbol) {
            return tokens.get(symbol);
        }

        void deployToken(String symbol, int decimals) {
            tokens.put(symbol, deploy(symbol, decimals));
        }

        void deployNativeTokenInterface(String nativeSymbol) {
            nativeTokenInterface = deploy(nativeSymbol, 18);
        }

        /** The deployed stand-in of the native coin's ERC-20 interface (EIP-55). */
        public String nativeTokenInterface() {
            return nativeTokenInterface;
        }

        /** A test token's address (EIP-55); everything minted to {@link #PAYER}. */
        private String deploy(String symbol, int decimals) {
            String bytecode;
            try (var in = AnvilNodes.class.getResourceAsStream("/contracts/TestToken.bin")) {
                bytecode = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            String arguments = org.web3j.abi.FunctionEncoder.encodeConstructor(List.of(
                    new org.web3j.abi.datatypes.Utf8String("Test " + symbol), new org.web3j.abi.datatypes.Utf8String(symbol),
                    new org.web3j.abi.datatypes.generated.Uint8(decimals),
                    new org.web3j.abi.datatypes.generated.Uint256(java.math.BigInteger.TEN.pow(decimals + 12))));
            String hash = send(Map.of("from", PAYER, "data", "0x" + bytecode + arguments, "gas", "0x2dc6c0"));
            return org.web3j.crypto.Keys.toChecksumAddress(receipt(hash).get("contractAddress").asText());
        }

        /**
         * Sends a transaction from an unlocked dev account and returns its hash once it is
         * mined: anvil may answer before its block exists.
         */
        public String send(Map<String, String> transaction) {
            String hash = call("eth_sendTransaction", transaction).asText();
            Awaitility.await("receipt of " + hash).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !receipt(hash).isNull());
            return hash;
        }

        /** Sends an already signed transaction (one a reorg dropped, say) and waits until it is mined. */
        public String sendSigned(String signed) {
            String hash = call("eth_sendRawTransaction", signed).asText();
            Awaitility.await("receipt of " + hash).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !receipt(hash).isNull());
            return hash;
        }

        /** Pays {@code wei} of the native coin to {@code to}. */
        public String pay(String to, java.math.BigInteger wei) {
            return send(Map.of("from", PAYER, "to", to, "value", "0x" + wei.toString(16)));
        }

        /** Calls {@code transfer(to, amount)} on the test token {@code symbol}. */
        public String payToken(String symbol, String to, java.math.BigInteger amount) {
            return transfer(token(symbol), to, amount);
        }

        /** Pays the native coin the way a contract or a token-only wallet does: {@code transfer} on its ERC-20 interface. */
        public String payThroughNativeTokenInterface(String to, java.math.BigInteger amount) {
            return transfer(nativeTokenInterface, to, amount);
        }

        private String transfer(String contract, String to, java.math.BigInteger amount) {
            return send(Map.of("from", PAYER, "to", contract, "gas", "0x186a0", "data",
                    org.web3j.abi.FunctionEncoder.encode(new org.web3j.abi.datatypes.Function("transfer",
                            List.of(new org.web3j.abi.datatypes.Address(to), new org.web3j.abi.datatypes.generated.Uint256(amount)),
                            List.of()))));
        }

        /** The receipt, or a JSON null while the transaction is not mined. */
        public JsonNode receipt(String hash) {
            JsonNode receipt = call("eth_getTransactionReceipt", hash);
            return receipt == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : receipt;
        }

        /**
         * Mines {@code blocks} blocks on a new branch: after a revert, blocks dated later than
         * the ones they replace, so the same heights get different hashes.
         */
        public void mineAnotherBranch(int blocks) {
            long tipTimestamp = Long.decode(call("eth_getBlockByNumber", "latest", false).get("timestamp").asText());
            call("evm_setNextBlockTimestamp", "0x" + Long.toHexString(tipTimestamp + 1000));
            mine(blocks);
        }

        /**
         * Brings the server's test clock and this node's next block to the same time, at or
         * after both: payments are matched to orders by comparing block time with order time.
         */
        public void alignClock(TestClock clock) {
            long tip = Long.decode(call("eth_getBlockByNumber", "latest", false).get("timestamp").asText());
            long now = Math.max(clock.instant().getEpochSecond(), tip + 1);
            clock.set(java.time.Instant.ofEpochSecond(now));
            call("evm_setNextBlockTimestamp", "0x" + Long.toHexString(now));
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
        private volatile int maxLogRange = Integer.MAX_VALUE;
        private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();

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
            maxLogRange = Integer.MAX_VALUE;
        }

        /** Answers eth_getLogs over more blocks than this with a JSON-RPC error, as hosted nodes do. */
        public void refuseLogRangesOver(int blocks) {
            maxLogRange = blocks;
        }

        /** HTTP requests forwarded so far (a JSON-RPC batch is one). */
        public int requests() {
            return requests.get();
        }

        private void forward(HttpExchange exchange) throws IOException {
            byte[] answer;
            int status;
            byte[] request = exchange.getRequestBody().readAllBytes();
            requests.incrementAndGet();
            JsonNode tooWide = tooWideLogRange(request);
            if (cut) {
                status = 503;
                answer = "node unavailable".getBytes();
            } else if (tooWide != null) {
                status = 200;
                answer = JSON.writeValueAsBytes(Map.of("jsonrpc", "2.0", "id", tooWide.get("id"),
                        "error", Map.of("code", -32005, "message", "block range is too wide (max " + maxLogRange + ")")));
            } else {
                try {
                    HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(target))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(),
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

        /** The request, when it is a single eth_getLogs over more blocks than allowed. */
        private JsonNode tooWideLogRange(byte[] body) throws IOException {
            JsonNode request = JSON.readTree(body);
            if (!request.isObject() || !"eth_getLogs".equals(request.path("method").asText())) {
                return null;
            }
            JsonNode filter = request.path("params").path(0);
            if (!filter.has("fromBlock") || !filter.has("toBlock")) {
                return null;
            }
            long width = Long.decode(filter.get("toBlock").asText()) - Long.decode(filter.get("fromBlock").asText()) + 1;
            return width > maxLogRange ? request : null;
        }
    }
}
