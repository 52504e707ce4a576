package dev.confirma.refund;

import java.math.BigDecimal;
import java.time.Instant;

/** A refund as adapters show it; {@code transactionHash}, {@code reason} and {@code verifiedAt} may be null. */
public record RefundView(String id, String orderId, String protocol, BigDecimal amount, String asset, String toAddress,
                         String transactionHash, RefundStatus status, String reason, Instant createdAt, Instant verifiedAt) {

    static RefundView of(Refund refund) {
        return new RefundView(refund.id, refund.orderId, refund.protocol, refund.amount.stripTrailingZeros(), refund.asset,
                refund.toAddress,
                refund.transactionHash != null ? refund.transactionHash : refund.rejectedHash, refund.status, refund.reason, refund.createdAt, refund.verifiedAt);
    }
}
