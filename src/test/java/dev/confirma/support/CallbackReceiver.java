package dev.confirma.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A shop's callback endpoint on 127.0.0.1 (a JDK HttpServer): records every request it gets,
 * headers and exact body bytes, and answers as the test scripts it: a status, a redirect,
 * garbage, a Retry-After, or nothing at all until released.
 */
public final class CallbackReceiver implements AutoCloseable {

    /** One request as received. Header names are lower-cased. */
    public record Received(String path, Map<String, String> headers, byte[] body) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** One scripted answer. */
    public record Answer(int status, byte[] body, Map<String, String> headers, boolean hangs) {
        public static Answer status(int status) {
            return new Answer(status, "{\"ok\":true}".getBytes(StandardCharsets.UTF_8), Map.of(), false);
        }

        public static Answer status(int status, String header, String value) {
            return new Answer(status, new byte[0], Map.of(header, value), false);
        }

        public static Answer body(int status, byte[] body) {
            return new Answer(status, body, Map.of(), false);
        }

        /** Accepts the request and says nothing until the receiver is closed: slower than any timeout. */
        public static Answer hanging() {
            return new Answer(0, new byte[0], Map.of(), true);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Answer> script = new ArrayDeque<>();
    private volatile Answer otherwise = Answer.status(200);
    private final Map<String, Answer> byPath = new java.util.concurrent.ConcurrentHashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private CallbackReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public static CallbackReceiver start() {
        try {
            return new CallbackReceiver();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests get these answers, in order; then {@link #otherwise}. */
    public synchronized CallbackReceiver thenAnswer(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    /** Every request not scripted gets this answer (200 unless told). */
    public CallbackReceiver otherwise(Answer answer) {
        this.otherwise = answer;
        return this;
    }

    /** Every request to {@code path} gets {@code status}, whatever the script says (one receiver, several targets). */
    public CallbackReceiver failPath(String path, int status) {
        byPath.put(path, Answer.status(status));
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> receivedAt(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private synchronized Answer next() {
        return script.isEmpty() ? otherwise : script.poll();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        received.add(new Received(exchange.getRequestURI().getPath(), headers, exchange.getRequestBody().readAllBytes()));
        Answer answer = byPath.containsKey(exchange.getRequestURI().getPath()) ? byPath.get(exchange.getRequestURI().getPath()) : next();
        if (answer.hangs()) {
            try {
                closed.await(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
