package dev.confirma.payment;

import dev.confirma.chain.Protocol;
import dev.confirma.order.Order;
import dev.confirma.order.OrderStateMachine;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Records transaction hashes submitted for orders, once per order. */
@Singleton
public class PaymentClaims {

    private final Clock clock;
    private final OrderStateMachine stateMachine;

    PaymentClaims(Clock clock, OrderStateMachine stateMachine) {
        this.clock = clock;
        this.stateMachine = stateMachine;
    }

    /**
     * A transaction hash submitted as the order's payment, on {@code chain} in {@code asset} when
     * named: the order waits for the chain to show it. The same hash again changes nothing; a hash
     * that paid another order is refused. Call inside the transaction that changes the order.
     * Returns whether the claim is new.
     */
    public boolean claim(Order order, String hash, Optional<Protocol> chain, Optional<String> asset) {
        if (isPaidToAnotherOrder(hash, order.id, chain)) {
            throw new TransactionAlreadyUsedException(hash, chain);
        }
        if (isClaimedBy(hash, order.id)) {
            return false;
        }
        stateMachine.paymentClaimed(order, clock.instant());
        record(hash, order.id, chain.map(Protocol::name).orElse(null), asset.orElse(null));
        order.transactionHash = hash;
        return true;
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

    private void record(String hash, String orderId, String blockchain, String asset) {
        PaymentClaim claim = new PaymentClaim();
        claim.id = new PaymentClaim.Id(hash, orderId);
        claim.blockchain = blockchain;
        claim.asset = asset;
        claim.createdAt = clock.instant();
        claim.persist();
    }
}
