package dev.confirma.callback;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;

/**
 * Sends due callbacks: claims them, posts each one signed to the address the SSRF guard
 * checked, and records the attempt. Deliveries of different orders go out side by side.
 */
@Singleton
public class CallbackWorker {

    private static final Logger LOG = Logger.getLogger(CallbackWorker.class);

    private final CallbackQueue queue;
    private final CallbackTargets targets;
    private final CallbackSender sender;
    private final Clock clock;
    private final ExecutorService senders = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "callback-sender");
        thread.setDaemon(true);
        return thread;
    });

    CallbackWorker(CallbackQueue queue, CallbackTargets targets, CallbackSender sender, Clock clock) {
        this.queue = queue;
        this.targets = targets;
        this.sender = sender;
        this.clock = clock;
    }

    @Scheduled(every = "{confirma.callbacks.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "callback-delivery")
    void scheduled() {
        deliverDue();
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }

    /**
     * Attempts every delivery due now, including the next event of an order whose earlier one
     * this run delivered; returns the number of attempts made.
     */
    public int deliverDue() {
        int attempts = 0;
        List<CallbackQueue.Claimed> batch;
        while (!(batch = queue.claimDue()).isEmpty()) {
            List<Future<?>> running = new ArrayList<>();
            for (CallbackQueue.Claimed claimed : batch) {
                running.add(senders.submit(() -> attempt(claimed)));
            }
            for (Future<?> attempt : running) {
                try {
                    attempt.get();
                } catch (ExecutionException e) {
                    // the attempt was not recorded: its lease runs out and it is sent again
                    LOG.errorf(e.getCause(), "Recording a callback attempt failed; it is retried when its lease ends");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return attempts;
                }
            }
            attempts += batch.size();
        }
        return attempts;
    }

    private void attempt(CallbackQueue.Claimed claimed) {
        Instant at = clock.instant();
        byte[] body = claimed.body().getBytes(StandardCharsets.UTF_8);
        CallbackSender.Outcome outcome;
        URI url = URI.create(claimed.url());
        try {
            InetAddress address = targets.resolve(url);
            // a subscription's own headers first: the signature headers are Confirma's, never overridden
            Map<String, String> headers = new LinkedHashMap<>(claimed.extraHeaders());
            headers.putAll(CallbackSignatures.headers(claimed.secret(), claimed.webhookId(), at, body));
            if (claimed.apiKey() != null) {
                // the Cryptum WooCommerce plugin answers 401 to a callback without its own API key
                headers.put("x-api-key", claimed.apiKey());
            }
            outcome = sender.send(url, address, headers, body);
        } catch (CallbackTargets.RefusedTarget refused) {
            outcome = CallbackSender.Outcome.failed(0, "not sent: " + refused.getMessage());
        }
        LOG.debugf("Callback %s to %s: %s", claimed.id(), claimed.url(),
                outcome.statusCode().map(code -> "HTTP " + code).orElse(outcome.error()));
        queue.record(claimed.seq(), at, outcome);
    }
}
