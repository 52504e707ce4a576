package dev.confirma.payment;

import dev.confirma.chain.Protocol;
import java.util.Set;

/** Raised after attribution: these orders' payments changed, and every open order's confirmations may have. */
public record PaymentsAttributed(Protocol chain, long head, Set<String> changedOrderIds) {
}
