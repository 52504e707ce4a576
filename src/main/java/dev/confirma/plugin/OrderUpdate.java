package dev.confirma.plugin;

import dev.confirma.order.PaymentStatus;
import dev.confirma.chain.Protocol;
import java.math.BigDecimal;
import java.util.Optional;

/** A checked {@code PUT /plugins/checkout/{orderId}} body. */
public record OrderUpdate(
        Optional<String> transactionHash,
        Optional<Protocol> blockchain,
        Optional<String> paymentMethod,
        Optional<PaymentStatus> paymentStatus,
        Optional<BigDecimal> convertedTotal) {
}
