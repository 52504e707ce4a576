package dev.confirma.payment;

import dev.confirma.chain.Protocol;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

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

    /**
     * Whether this hash already paid another order: on {@code chain}, or on any chain when the
     * claim names none. Such a hash can never count for this order (one transaction pays one
     * order, ever), so a claim of it is refused at once rather than left waiting.
     */
    public boolean isPaidToAnotherOrder(String hash, String orderId, Optional<Protocol> chain) {
        if (chain.isEmpty()) {
            return PaidTransaction.count("id.txHash = ?1 and orderId <> ?2", hash, orderId) > 0;
        }
        return PaidTransaction.count("id.chain = ?1 and id.txHash = ?2 and orderId <> ?3", chain.get().name(), hash, orderId) > 0;
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
