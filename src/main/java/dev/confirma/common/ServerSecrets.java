package dev.confirma.common;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;
import org.hibernate.exception.ConstraintViolationException;
import java.time.Clock;
import java.util.function.Supplier;

/** Reads a server secret, creating it on first use; safe when several instances start at once. */
@Singleton
public class ServerSecrets {

    private final Clock clock;

    ServerSecrets(Clock clock) {
        this.clock = clock;
    }

    /** The value of secret {@code name}, and whether this call created it. */
    public Stored getOrCreate(String name, Supplier<String> generator) {
        ServerSecret existing = QuarkusTransaction.requiringNew().call(() -> ServerSecret.findById(name));
        if (existing != null) {
            return new Stored(existing.secretValue, false);
        }
        String value = generator.get();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ServerSecret secret = new ServerSecret();
                secret.name = name;
                secret.secretValue = value;
                secret.createdAt = clock.instant();
                secret.persistAndFlush(); // a lost race fails here, inside the lambda, unwrapped
            });
            return new Stored(value, true);
        } catch (ConstraintViolationException lostRace) {
            // Another instance created it between our read and insert: theirs is the one.
            ServerSecret winner = QuarkusTransaction.requiringNew().call(() -> ServerSecret.findById(name));
            if (winner == null) {
                throw lostRace;
            }
            return new Stored(winner.secretValue, false);
        }
    }

    public record Stored(String value, boolean created) {
    }
}
