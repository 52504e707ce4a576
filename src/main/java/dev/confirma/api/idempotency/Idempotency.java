package dev.confirma.api.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confirma.common.Contention;
import dev.confirma.common.Secrets;
import dev.confirma.common.error.ApiException;
import dev.confirma.common.json.CanonicalJson;
import dev.confirma.common.text.IdempotencyKeys;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on the merchant API's POSTs, as Stripe does it: the first request with
 * a key runs and its answer is kept 24 h; the same key with the same request answers that again,
 * without running it; with another request, 422; while the first still runs, 409. A request that
 * fails (any error) frees its key, so the client may retry it; a refusal is answered the same way
 * again since it changed nothing.
 */
@Singleton
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    static final Duration KEPT = Duration.ofHours(24);
    /**
     * A request still running after this has died with its server: its key is free again. Longer
     * than any request runs (a bulk of 100, a refund read from a slow chain with failover).
     */
    static final Duration LEASE = Duration.ofMinutes(10);

    private final ObjectMapper json;
    private final Clock clock;

    Idempotency(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /**
     * Runs {@code request} at most once per key: {@code status} and the entity it returns are the
     * answer, kept byte for byte. Without a key it just runs.
     */
    public Response once(String storeId, String key, String method, String path, JsonNode body, int status, Supplier<Object> request) {
        if (key == null) {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(request.get()).build();
        }
        if (!IdempotencyKeys.isWellFormed(key)) {
            throw ApiException.invalidField(HEADER, HEADER + " must be 1 to 255 visible ASCII characters");
        }
        String fingerprint = Secrets.sha256Hex(method + " " + path + "\n" + (body == null ? "" : CanonicalJson.sha256(body)));
        String owner = UUID.randomUUID().toString();
        Optional<Response> known = claim(storeId, key, fingerprint, owner);
        if (known.isPresent()) {
            return known.get();
        }
        String answer;
        try {
            answer = json.writeValueAsString(request.get());
        } catch (RuntimeException | JsonProcessingException failed) {
            QuarkusTransaction.requiringNew().run(() -> IdempotentRequest.delete("key.storeId = ?1 and key.key = ?2 and owner = ?3",
                    storeId, key, owner));
            if (failed instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("an answer could not be written as JSON", failed);
        }
        // only this request's claim takes the answer: one whose lease ran out and was taken over keeps the new owner's
        QuarkusTransaction.requiringNew().run(() -> IdempotentRequest.update(
                "status = ?1, body = ?2 where key.storeId = ?3 and key.key = ?4 and owner = ?5", status, answer, storeId, key, owner));
        return answered(status, answer, false);
    }

    /** Takes the key for this request (committed at once, so a twin sees it), or the answer it already has. */
    private Optional<Response> claim(String storeId, String key, String fingerprint, String owner) {
        try {
            return Contention.retrying(3, () -> QuarkusTransaction.requiringNew().call(() -> take(storeId, key, fingerprint, owner)));
        } catch (RuntimeException e) {
            if (Contention.isRace(e)) {
                throw inFlight();
            }
            throw e;
        }
    }

    private Optional<Response> take(String storeId, String key, String fingerprint, String owner) {
        Instant now = clock.instant();
        IdempotentRequest.Key id = new IdempotentRequest.Key(storeId, key);
        IdempotentRequest known = IdempotentRequest.findById(id);
        if (known != null && known.createdAt.isBefore(now.minus(KEPT))) {
            known.delete();
            IdempotentRequest.flush();
            known = null;
        }
        if (known != null && known.status == null && known.lockedUntil.isBefore(now)) {
            known.delete(); // its request died mid-way: nothing of it was kept
            IdempotentRequest.flush();
            known = null;
        }
        if (known == null) {
            IdempotentRequest row = new IdempotentRequest();
            row.key = id;
            row.fingerprint = fingerprint;
            row.owner = owner;
            row.createdAt = now;
            row.lockedUntil = now.plus(LEASE);
            row.persist();
            IdempotentRequest.flush(); // a twin's insert fails here, and is retried to find this row
            return Optional.empty();
        }
        if (known.status == null) {
            throw inFlight();
        }
        if (!known.fingerprint.equals(fingerprint)) {
            throw ApiException.unprocessable("idempotency_key_reused", "This " + HEADER + " was used with another request in the last 24 h;"
                    + " use a new key for a new request");
        }
        return Optional.of(answered(known.status, known.body, true));
    }

    private static ApiException inFlight() {
        return ApiException.conflict("idempotency_key_in_flight", "A request with this " + HEADER
                + " is still being answered; retry in a moment for its answer");
    }

    private static Response answered(int status, String body, boolean replayed) {
        Response.ResponseBuilder answer = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body.getBytes(StandardCharsets.UTF_8));
        return replayed ? answer.header(REPLAYED, "true").build() : answer.build();
    }

    /** Keys older than 24 h are forgotten. */
    @Scheduled(every = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "idempotency-purge")
    void purge() {
        QuarkusTransaction.requiringNew().run(() -> IdempotentRequest.delete("createdAt < ?1", clock.instant().minus(KEPT)));
    }
}
