package dev.confirma.callback;

import dev.confirma.callback.config.CallbacksConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;

/**
 * Posts one callback, bounded every way: connect and total timeouts, redirects never
 * followed, at most {@link #EXCERPT_BYTES} of the answer read. It connects to the address
 * {@link CallbackTargets} checked, while the Host header, TLS SNI and certificate check use
 * the URL's host name, so a DNS answer that changes after the check cannot move the request.
 */
@Singleton
public class CallbackSender {

    /** How much of a receiver's answer is read and kept. */
    static final int EXCERPT_BYTES = 512;
    static final String USER_AGENT = "Confirma-Callbacks/1";

    private final HttpClient client;
    private final CallbacksConfig config;

    CallbackSender(Vertx vertx, CallbacksConfig config) {
        this.config = config;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                // a fresh connection per callback: a pooled one could still lead to an address checked long ago
                .setKeepAlive(false)
                .setForceSni(true)
                .setVerifyHost(true)
                .setMaxPoolSize(32));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** What came of one attempt. {@code statusCode} is empty when no answer came. */
    public record Outcome(Optional<Integer> statusCode, long latencyMillis, String responseExcerpt, String error,
                         String retryAfter, String location) {

        public boolean delivered() {
            return statusCode.map(code -> code >= 200 && code < 300).orElse(false);
        }

        public boolean gone() {
            return statusCode.map(code -> code == 410).orElse(false);
        }

        static Outcome failed(long latencyMillis, String error) {
            return new Outcome(Optional.empty(), latencyMillis, null, error, null, null);
        }
    }

    public Outcome send(URI url, InetAddress address, Map<String, String> headers, byte[] body) {
        long started = System.nanoTime();
        long totalMillis = config.timeout().toMillis();
        int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(url.toString())
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setFollowRedirects(false)
                .setConnectTimeout(config.connectTimeout().toMillis())
                .setIdleTimeout(totalMillis)
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", USER_AGENT);
        headers.forEach(options::putHeader);

        CompletableFuture<Outcome> done = new CompletableFuture<>();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        // handlers are in place before the body is sent: registered on an already-answered future from this
        // thread, they could miss the response's end, which the event loop may deliver meanwhile
        client.request(options)
                .onFailure(done::completeExceptionally)
                .onSuccess(request -> {
                    sent.set(request);
                    request.response().onFailure(done::completeExceptionally).onSuccess(response -> {
                        Buffer excerpt = Buffer.buffer();
                        Runnable answer = () -> done.complete(new Outcome(Optional.of(response.statusCode()), millisSince(started),
                                text(excerpt), null, response.getHeader("Retry-After"), response.getHeader("Location")));
                        response.handler(chunk -> {
                            int room = EXCERPT_BYTES - excerpt.length();
                            excerpt.appendBuffer(chunk, 0, Math.min(room, chunk.length()));
                            if (excerpt.length() >= EXCERPT_BYTES && !done.isDone()) {
                                answer.run();
                                response.request().reset(); // the rest of the body is not read
                            }
                        });
                        response.endHandler(end -> answer.run());
                        response.exceptionHandler(broken -> answer.run()); // the status line arrived: it is the answer
                    });
                    request.end(Buffer.buffer(body));
                });
        try {
            return done.get(totalMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            Optional.ofNullable(sent.get()).ifPresent(HttpClientRequest::reset);
            return Outcome.failed(millisSince(started), "no answer within " + config.timeout());
        } catch (ExecutionException e) {
            if (isIdleTimeout(e.getCause())) {
                // the client's own idle timeout, equal to the total one, may fire a moment before ours: the same answer
                return Outcome.failed(millisSince(started), "no answer within " + config.timeout());
            }
            return Outcome.failed(millisSince(started), describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Optional.ofNullable(sent.get()).ifPresent(HttpClientRequest::reset);
            return Outcome.failed(millisSince(started), "interrupted while sending (server shutting down)");
        }
    }

    /** Vert.x's idle timeout (no byte for the whole time); a connect timeout is a ConnectException and said so. */
    private static boolean isIdleTimeout(Throwable failure) {
        return !(failure instanceof ConnectException) && failure != null && failure.getClass().getSimpleName().endsWith("TimeoutException");
    }

    private static String describe(Throwable failure) {
        String message = Optional.ofNullable(failure.getMessage()).orElse("");
        if (failure instanceof ConnectException) {
            return "cannot connect: " + message;
        }
        if (failure instanceof SSLException) {
            return "TLS failed: " + message;
        }
        if (message.toLowerCase(java.util.Locale.ROOT).contains("timeout") || message.toLowerCase(java.util.Locale.ROOT).contains("timed out")) {
            return "timed out: " + message;
        }
        return message.isBlank() ? "connection failed" : "connection failed: " + message;
    }

    private static long millisSince(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    /** The answer's first bytes as text, with control characters (a NUL breaks PostgreSQL text) replaced. */
    static String text(Buffer bytes) {
        if (bytes.length() == 0) {
            return null;
        }
        String text = new String(bytes.getBytes(), StandardCharsets.UTF_8);
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> clean.appendCodePoint(Character.isISOControl(cp) && cp != '\n' && cp != '\t' && cp != '\r' ? 0xFFFD : cp));
        return clean.toString();
    }
}
