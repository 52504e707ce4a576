package dev.confirma.refund;

import java.math.BigDecimal;
import java.util.Optional;

/** A store's refund of an order: how much of which asset it sent to whom, and optionally the transaction that did it. */
public record RefundRequest(BigDecimal amount, String asset, String toAddress, Optional<String> transactionHash) {

    public RefundRequest {
        transactionHash = transactionHash == null ? Optional.empty() : transactionHash;
    }
}
