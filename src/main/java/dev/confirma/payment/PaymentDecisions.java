package dev.confirma.payment;

import dev.confirma.order.Order;
import dev.confirma.order.OrderQuote;
import dev.confirma.order.OrderStateMachine;
import dev.confirma.order.PaymentException;
import dev.confirma.order.PaymentStatus;
import dev.confirma.chain.AssetId;
import dev.confirma.chain.Chain;
import dev.confirma.chain.Chains;
import dev.confirma.common.Contention;
import dev.confirma.chain.watch.BlockCursor;
import dev.confirma.chain.watch.ChainTransfer;
import dev.confirma.order.config.CheckoutConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Decides open orders from their credited payments, after every watcher poll: on-hold
 * while any payment is shallower than the chain's confirmation depth, then confirmed when
 * they add up to the amount due (less the tolerance), failed when they fall short. Several
 * payments add up, in any of the order's quoted assets, as fractions of their quotes.
 */
@Singleton
public class PaymentDecisions {

    private static final Logger LOG = Logger.getLogger(PaymentDecisions.class);
    /** Decisions of one order tried at once when a request changes it at the same moment; then the next poll. */
    static final int DECISION_ATTEMPTS = 3;

    private final OrderStateMachine stateMachine;
    private final ConfirmationPolicy confirmation;
    private final CheckoutConfig checkout;
    private final BlockCursor cursor;
    private final Chains chains;
    private final Clock clock;

    PaymentDecisions(OrderStateMachine stateMachine, ConfirmationPolicy confirmation, CheckoutConfig checkout, BlockCursor cursor,
                     Chains chains, Clock clock) {
        this.chains = chains;
        this.clock = clock;
        this.stateMachine = stateMachine;
        this.confirmation = confirmation;
        this.checkout = checkout;
        this.cursor = cursor;
    }

    void onAttributed(@Observes PaymentsAttributed attributed) {
        Set<String> orderIds = new HashSet<>(attributed.changedOrderIds());
        orderIds.addAll(QuarkusTransaction.requiringNew().call(PaymentDecisions::openOrdersWithPayments));
        // each chain's last read block, read once for the whole round rather than per payment
        Map<String, Long> tips = new HashMap<>();
        // every configured chain: a payment on a chain switched off since keeps the depth it reached
        for (Chain chain : chains.all()) {
            tips.put(chain.protocol().name(), cursor.tip(chain.protocol()).map(BlockCursor.SeenBlock::number).orElse(0L));
        }
        for (String orderId : orderIds) {
            try {
                // the order changed under us (a PUT at the same moment): decided again at once, on what is there now
                Contention.retrying(DECISION_ATTEMPTS, () -> QuarkusTransaction.requiringNew().call(() -> {
                    decide(orderId, tips);
                    Order.flush(); // a concurrent change to the order fails here, as a race retried above, not at commit
                    return null;
                }));
            } catch (RuntimeException busy) {
                if (!Contention.isRace(busy)) {
                    throw busy;
                }
                LOG.infof("Order %s changed %d times while being decided; deciding it again at the next poll", orderId,
                        DECISION_ATTEMPTS);
            }
        }
    }

    /**
     * Open orders with a recorded payment, or still showing an amount a reorg took away; and
     * expired orders a late payment was credited to.
     */
    private static List<String> openOrdersWithPayments() {
        return Order.getEntityManager().createQuery(
                        "select o.id from Order o where o.paymentStatus in :open and (o.amountReceived is not null"
                                + " or exists (select p from OrderPayment p where p.orderId = o.id))"
                                + " or o.paymentStatus = :cancelled and o.expired = true"
                                + " and exists (select p from OrderPayment p where p.orderId = o.id and p.credited = true)", String.class)
                .setParameter("open", List.of(PaymentStatus.PENDING, PaymentStatus.ON_HOLD))
                .setParameter("cancelled", PaymentStatus.CANCELLED)
                .getResultList();
    }

    private void decide(String orderId, Map<String, Long> tips) {
        Order order = Order.findById(orderId);
        if (!order.awaitsPayment()) {
            return;
        }
        Map<AssetId, BigInteger> receivedByQuote = new LinkedHashMap<>();
        Map<AssetId, OrderQuote> quotes = new HashMap<>();
        boolean allDeep = true;
        boolean late = false;
        boolean refusedClaim = false;
        for (OrderPayment payment : OrderPayment.forOrders(List.of(order.id))) {
            ChainTransfer transfer = ChainTransfer.findById(payment.transferId);
            // each payment is as deep as its own chain says
            payment.confirmations = ConfirmationPolicy.confirmations(tips.getOrDefault(transfer.chain, 0L), transfer.blockNumber);
            if (!payment.credited) {
                // a claimed transaction the chain shows not paying this order (reverted, another asset or
                // address, already paying another order): once it is deep, the claim has failed
                refusedClaim |= confirmation.isConfirmed(transfer.chain, transfer.blockNumber, payment.confirmations)
                        && PaymentClaim.findById(new PaymentClaim.Id(transfer.txHash, order.id)) != null;
                continue;
            }
            Optional<OrderQuote> quote = OrderQuote.findByIdOptional(new OrderQuote.Id(order.id, transfer.chain, transfer.asset));
            if (quote.isEmpty()) {
                continue; // the attributor credits quoted transfers only
            }
            AssetId key = new AssetId(transfer.chain, transfer.asset);
            quotes.put(key, quote.get());
            receivedByQuote.merge(key, transfer.amountBaseUnits, BigInteger::add);
            allDeep &= confirmation.isConfirmed(transfer.chain, transfer.blockNumber, payment.confirmations);
            late |= transfer.blockTime.isAfter(order.expiresAt);
        }
        order.late = late;
        if (receivedByQuote.isEmpty()) {
            order.amountReceived = null; // nothing credited (yet, or any more after a reorg)
            order.paymentException = null;
            if (refusedClaim && order.paymentStatus() != PaymentStatus.CANCELLED) {
                UniqueAmounts.release(order.id, clock.instant());
                stateMachine.decidedByChain(order, PaymentStatus.FAILED);
                LOG.infof("Order %s is failed: its claimed transaction does not pay it", order.id);
            }
            return;
        }
        // the paid share of the amount due, as an exact fraction: each asset's base units over its quote
        PaidShare share = PaidShare.NOTHING;
        for (Map.Entry<AssetId, BigInteger> received : receivedByQuote.entrySet()) {
            share = share.add(received.getValue(), quotes.get(received.getKey()).amountBaseUnits);
        }
        describeReceived(order, receivedByQuote, quotes, share);
        boolean enough = share.covers(checkout.underpaymentTolerancePercent());
        order.paymentException = PaymentException.of(enough, share.exceeds(), late);
        PaymentStatus verdict = !allDeep ? PaymentStatus.ON_HOLD : enough ? PaymentStatus.CONFIRMED : PaymentStatus.FAILED;
        if (verdict != PaymentStatus.ON_HOLD) {
            // a final order takes no more payments: its amounts are free for other orders again
            UniqueAmounts.release(order.id, clock.instant());
        }
        if (stateMachine.decidedByChain(order, verdict)) {
            LOG.infof("Order %s is %s: %s of the amount due received%s", order.id, verdict.name().toLowerCase(Locale.ROOT), share,
                    late ? ", late" : "");
        }
    }

    /** One asset: what arrived in that asset. Several: the order-currency worth of what arrived. */
    private static void describeReceived(Order order, Map<AssetId, BigInteger> received, Map<AssetId, OrderQuote> quotes,
                                         PaidShare share) {
        if (received.size() == 1) {
            AssetId key = received.keySet().iterator().next();
            order.amountReceived = new BigDecimal(received.get(key), quotes.get(key).decimals);
            order.blockchain = quotes.get(key).id.protocol;
            order.paymentMethod = quotes.get(key).id.asset;
        } else {
            order.amountReceived = share.ofTotal(order.orderTotal);
            order.blockchain = null;
            order.paymentMethod = null;
        }
    }
}
