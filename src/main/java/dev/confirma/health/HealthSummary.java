package dev.confirma.health;

import dev.confirma.cluster.ServerInstance;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /health}: every check in one answer, in the spirit of StateSet's: {@code healthy}
 * when all are up, {@code degraded} when something needs a look but the server does its work,
 * {@code unhealthy} when readiness is down.
 */
@Singleton
public class HealthSummary {

    private final DatabaseHealth database;
    private final ChainHealth chains;
    private final RateHealth rates;
    private final ServerInstance instance;
    private final Clock clock;

    HealthSummary(DatabaseHealth database, ChainHealth chains, RateHealth rates, ServerInstance instance, Clock clock) {
        this.database = database;
        this.chains = chains;
        this.rates = rates;
        this.instance = instance;
        this.clock = clock;
    }

    public Summary summarise() {
        Map<String, Object> checks = new LinkedHashMap<>();
        Check.Status overall = Check.Status.UP;
        overall = overall.and(add(checks, "", timed("database", () -> List.of(database.check()))));
        overall = overall.and(add(checks, "chain.", timed("all", chains::checks)));
        overall = overall.and(add(checks, "", timed("rates", () -> List.of(rates.check()))));
        return new Summary(word(overall), clock.instant().toString(), instance.id(), checks);
    }

    private static Check.Status add(Map<String, Object> into, String prefix, Timed timed) {
        Check.Status worst = Check.Status.UP;
        for (Check check : timed.checks()) {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("status", word(check.status()));
            shown.put("responseTimeMs", timed.millis());
            if (check.reason() != null) {
                shown.put("message", check.reason());
            }
            if (check.data().containsKey("head")) {
                // the names StateSet's summary uses for a chain
                shown.put("blockHeight", check.data().get("head"));
                shown.put("syncStatus", check.data().get("sync"));
            }
            check.data().forEach((key, value) -> {
                if (!key.equals("head") && !key.equals("sync")) {
                    shown.put(key, value);
                }
            });
            into.put(prefix + check.name(), shown);
            worst = worst.and(check.status());
        }
        return worst;
    }

    /** Runs a group of checks; one that cannot be read at all (the database down under it) is DOWN, never a 500. */
    private static Timed timed(String name, Supplier<List<Check>> run) {
        long start = System.nanoTime();
        List<Check> checks;
        try {
            checks = run.get();
        } catch (RuntimeException e) {
            checks = List.of(new Check(name, Check.Status.DOWN, "could not be read (" + e.getClass().getSimpleName() + ")", Map.of()));
        }
        return new Timed(checks, (System.nanoTime() - start) / 1_000_000);
    }

    private static String word(Check.Status status) {
        return switch (status) {
            case UP -> "healthy";
            case DEGRADED -> "degraded";
            case DOWN -> "unhealthy";
        };
    }

    private record Timed(List<Check> checks, long millis) {
    }

    /** {@code status}: healthy, degraded or unhealthy; {@code checks}: each part by name. */
    public record Summary(String status, String timestamp, String instance, Map<String, Object> checks) {
        public boolean unhealthy() {
            return "unhealthy".equals(status);
        }
    }
}
