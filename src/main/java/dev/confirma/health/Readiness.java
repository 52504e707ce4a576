package dev.confirma.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The chains and the rates under {@code /q/health/ready}: a load balancer stops sending
 * shoppers to an instance that cannot price orders or see their payments. DEGRADED is still UP,
 * with its reason in the data.
 */
final class Readiness {

    private Readiness() {
    }

    static HealthCheckResponse response(String name, List<Check> checks) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(name).up();
        for (Check check : checks) {
            if (check.status() == Check.Status.DOWN) {
                builder.down();
            }
            builder.withData(check.name(), check.status() + (check.reason() == null ? "" : ": " + check.reason()));
            for (Map.Entry<String, Object> entry : check.data().entrySet()) {
                if (entry.getValue() instanceof String || entry.getValue() instanceof Number || entry.getValue() instanceof Boolean
                        || entry.getValue() instanceof java.time.Instant) {
                    builder.withData(check.name() + "." + entry.getKey(), String.valueOf(entry.getValue()));
                }
            }
        }
        return builder.build();
    }

    @org.eclipse.microprofile.health.Readiness
    @ApplicationScoped
    static class Chains implements HealthCheck {
        private final ChainHealth chains;

        Chains(ChainHealth chains) {
            this.chains = chains;
        }

        @Override
        public HealthCheckResponse call() {
            return response("chains", chains.checks());
        }
    }

    @org.eclipse.microprofile.health.Readiness
    @ApplicationScoped
    static class Rates implements HealthCheck {
        private final RateHealth rates;

        Rates(RateHealth rates) {
            this.rates = rates;
        }

        @Override
        public HealthCheckResponse call() {
            return response("rates", List.of(rates.check()));
        }
    }
}
