package dev.confirma.reporting;

import dev.confirma.order.LifecycleStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Which of a store's orders a report holds: the filters of GET /v1/orders, already checked by the adapter. */
public record OrderFilter(Optional<String> customerId, Set<LifecycleStatus> statuses, Optional<Instant> createdAfter,
                          Optional<Instant> createdBefore, Optional<BigDecimal> amountMin, Optional<BigDecimal> amountMax) {
}
