package dev.confirma.payment;

import dev.confirma.common.error.ApiException;
import jakarta.inject.Singleton;
import jakarta.persistence.PersistenceException;
import java.time.Clock;

/**
 * Attaches transaction hashes to orders. A hash already attached to another order is
 * refused; the database's primary key settles two requests racing for one hash.
 */
@Singleton
public class PaymentClaims {

    private final Clock clock;

    PaymentClaims(Clock clock) {
        this.clock = clock;
    }

    /** Whether {@code hash} is already claimed by this order (a repeated submission). */
    public boolean isClaimedBy(String hash, String orderId) {
        PaymentClaim existing = PaymentClaim.findById(hash);
        if (existing == null) {
            return false;
        }
        if (!existing.orderId.equals(orderId)) {
            throw taken();
        }
        return true;
    }

    /** Records a new claim. Call inside the transaction that changes the order. */
    public void record(String hash, String orderId, String blockchain, String asset) {
        PaymentClaim claim = new PaymentClaim();
        claim.transactionHash = hash;
        claim.orderId = orderId;
        claim.blockchain = blockchain;
        claim.asset = asset;
        claim.createdAt = clock.instant();
        try {
            claim.persistAndFlush();
        } catch (PersistenceException raced) {
            throw taken();
        }
    }

    private static ApiException taken() {
        return ApiException.conflict("transaction_already_claimed",
                "This transactionHash is already attached to another order; a transaction can pay only one order");
    }
}
