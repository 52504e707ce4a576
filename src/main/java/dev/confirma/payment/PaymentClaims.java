package dev.confirma.payment;

import jakarta.inject.Singleton;
import java.time.Clock;

/** Records transaction hashes submitted for orders, once per order. */
@Singleton
public class PaymentClaims {

    private final Clock clock;

    PaymentClaims(Clock clock) {
        this.clock = clock;
    }

    /** Whether this order already has this hash (a repeated submission changes nothing). */
    public boolean isClaimedBy(String hash, String orderId) {
        return PaymentClaim.findById(new PaymentClaim.Id(hash, orderId)) != null;
    }

    /** Whether the chain showed this hash paying (part of) this order, and it was counted. */
    public boolean isCreditedTo(String hash, String orderId) {
        return OrderPayment.count("orderId = ?1 and credited = true and transferId in"
                + " (select t.id from ChainTransfer t where t.txHash = ?2)", orderId, hash) > 0;
    }

    /** Records a new claim. Call inside the transaction that changes the order. */
    public void record(String hash, String orderId, String blockchain, String asset) {
        PaymentClaim claim = new PaymentClaim();
        claim.id = new PaymentClaim.Id(hash, orderId);
        claim.blockchain = blockchain;
        claim.asset = asset;
        claim.createdAt = clock.instant();
        claim.persist();
    }
}
