package dev.confirma.chain;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.jboss.logging.Logger;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

/**
 * One chain's JSON-RPC endpoints, with failover: a request goes to the endpoint that last
 * answered, and on a transport failure or an error answer to the next one. Only when every
 * endpoint fails does the caller see {@link ChainUnavailableException}: a delay, never a decision.
 */
public class ChainRpc {

    private static final Logger LOG = Logger.getLogger(ChainRpc.class);

    /** A request built against one endpoint's client. */
    @FunctionalInterface
    public interface Call<T extends Response<?>> {
        Request<?, T> on(Web3j node);
    }

    private final Protocol protocol;
    private final List<String> urls;
    /** How an endpoint is named in errors and logs: its position and host, never its URL, whose path or query often holds a key. */
    private final List<String> labels = new ArrayList<>();
    private final List<Web3j> nodes = new ArrayList<>();
    private final RpcMeter meter;
    private volatile int preferred;

    public ChainRpc(Protocol protocol, List<String> urls, java.time.Duration timeout) {
        this(protocol, urls, timeout, RpcMeter.NONE);
    }

    /** {@code meter} counts every request sent to an endpoint, and every one that failed, by JSON-RPC method. */
    public ChainRpc(Protocol protocol, List<String> urls, java.time.Duration timeout, RpcMeter meter) {
        this.meter = meter;
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("confirma.chains." + protocol.configKey() + ".rpc-urls is empty");
        }
        this.protocol = protocol;
        this.urls = List.copyOf(urls);
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .build();
        for (String url : this.urls) {
            nodes.add(Web3j.build(new HttpService(url, http)));
            labels.add("endpoint " + (labels.size() + 1) + " (" + host(url) + ")");
        }
    }

    /** Sends the request to the first endpoint that answers it without an error. */
    public <T extends Response<?>> T send(String what, Call<T> call) {
        return withFailover(what, (node, url, failures) -> {
            Request<?, T> request = call.on(node);
            meter.sent(protocol, request.getMethod());
            T response;
            try {
                response = request.send();
            } catch (IOException | RuntimeException e) {
                meter.failed(protocol, request.getMethod());
                throw e;
            }
            if (response.hasError()) {
                meter.failed(protocol, request.getMethod());
                failures.add(url + ": " + response.getError().getMessage());
                return Optional.empty();
            }
            return Optional.of(response);
        });
    }

    /**
     * Sends the requests as one JSON-RPC batch to the first endpoint that answers every one of
     * them without an error; the answers come back in the order of {@code calls}.
     */
    public <T extends Response<?>> List<T> batch(String what, List<Call<T>> calls) {
        if (calls.isEmpty()) {
            return List.of();
        }
        return withFailover(what, (node, url, failures) -> sendBatch(node, calls, url, failures, protocol, meter));
    }

    /** One endpoint's try: the answer, or empty after adding the error answer to {@code failures}. */
    @FunctionalInterface
    private interface Attempt<R> {
        Optional<R> on(Web3j node, String endpoint, List<String> failures) throws IOException;
    }

    /**
     * Tries the endpoints from the one that last answered; the first answer without an error
     * wins and that endpoint is used from then on.
     */
    private <R> R withFailover(String what, Attempt<R> attempt) {
        List<String> failures = new ArrayList<>();
        int refusals = 0;
        int start = preferred;
        for (int i = 0; i < nodes.size(); i++) {
            int index = (start + i) % nodes.size();
            try {
                Optional<R> answer = attempt.on(nodes.get(index), labels.get(index), failures);
                if (answer.isEmpty()) {
                    refusals++;
                    continue;
                }
                if (index != preferred) {
                    LOG.warnf("%s RPC: %s failed, now using %s", protocol, labels.get(preferred), labels.get(index));
                    preferred = index;
                }
                return answer.get();
            } catch (IOException | RuntimeException e) {
                failures.add(labels.get(index) + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
            }
        }
        // refused when an endpoint that could be reached answered with an error; unavailable when none could be
        String message = protocol + " " + what + " failed on every endpoint: " + String.join("; ", failures);
        throw refusals > 0 ? new RpcRefusedException(message) : new ChainUnavailableException(message);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Response<?>> Optional<List<T>> sendBatch(Web3j node, List<Call<T>> calls, String url,
                                                                       List<String> failures, Protocol protocol, RpcMeter meter)
            throws IOException {
        BatchRequest batch = node.newBatch();
        List<Long> ids = new ArrayList<>();
        List<String> methods = new ArrayList<>();
        for (Call<T> call : calls) {
            Request<?, T> request = call.on(node);
            ids.add(request.getId());
            methods.add(request.getMethod());
            meter.sent(protocol, request.getMethod());
            batch.add(request);
        }
        // JSON-RPC lets a node answer a batch in any order: match answers to requests by id
        Map<Long, T> byId = new HashMap<>();
        List<? extends Response<?>> responses;
        try {
            responses = batch.send().getResponses();
        } catch (IOException | RuntimeException e) {
            methods.forEach(method -> meter.failed(protocol, method));
            throw e;
        }
        for (Response<?> response : responses) {
            byId.put(response.getId(), (T) response);
        }
        List<T> answers = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Long id = ids.get(i);
            T answer = byId.get(id);
            if (answer == null || answer.hasError()) {
                meter.failed(protocol, methods.get(i));
                failures.add(url + ": " + (answer == null ? "no answer to request " + id + " of a batch" : answer.getError().getMessage()));
                return Optional.empty();
            }
            answers.add(answer);
        }
        return Optional.of(answers);
    }

    /** The URL's host and port, or "?" when it has none. */
    private static String host(String url) {
        try {
            java.net.URI uri = java.net.URI.create(url);
            return uri.getHost() == null ? "?" : uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "?"; // a URL web3j accepted but java.net.URI does not: named by position alone
        }
    }

    public Protocol protocol() {
        return protocol;
    }

    public void shutdown() {
        nodes.forEach(Web3j::shutdown);
    }
}
