package dev.confirma.order;

import dev.confirma.chain.watch.ChainTransfer;
import dev.confirma.common.Money;
import dev.confirma.order.config.CheckoutConfig;
import dev.confirma.payment.ConfirmationPolicy;
import dev.confirma.payment.OrderPayment;
import dev.confirma.payment.PaymentsAttributed;
import dev.confirma.payment.ReservedAmount;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashSet;
import java.util.List;
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
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final OrderStateMachine stateMachine;
    private final ConfirmationPolicy confirmation;
    private final CheckoutConfig checkout;

    PaymentDecisions(OrderStateMachine stateMachine, ConfirmationPolicy confirmation, CheckoutConfig checkout) {
        this.stateMachine = stateMachine;
        this.confirmation = confirmation;
        this.checkout = checkout;
    }

    void onAttributed(@Observes PaymentsAttributed attributed) {
        QuarkusTransaction.requiringNew().run(() -> decide(attributed));
    }

    private void decide(PaymentsAttributed attributed) {
        long depth = confirmation.depth(attributed.chain().name());
        Set<String> orderIds = new HashSet<>(attributed.changedOrderIds());
        // every open order with a payment on this chain: its confirmations grew with the head
        orderIds.addAll(Order.getEntityManager().createQuery(
                        "select distinct p.orderId from OrderPayment p, ChainTransfer t, Order o where p.transferId = t.id"
                                + " and o.id = p.orderId and t.chain = :chain and o.paymentStatus in :open", String.class)
                .setParameter("chain", attributed.chain().name())
                .setParameter("open", List.of(PaymentStatus.PENDING, PaymentStatus.ON_HOLD))
                .getResultList());
        for (String orderId : orderIds) {
            Order order = Order.findById(orderId);
            if (order.paymentStatus().isUnpaid()) {
                decide(order, attributed.head(), depth);
            }
        }
    }

    private void decide(Order order, long head, long depth) {
        List<OrderPayment> payments = OrderPayment.forOrders(List.of(order.id));
        BigDecimal paidFraction = BigDecimal.ZERO;
        long shallowest = Long.MAX_VALUE;
        BigDecimal received = BigDecimal.ZERO;
        Set<String> assets = new HashSet<>();
        for (OrderPayment payment : payments) {
            ChainTransfer transfer = ChainTransfer.findById(payment.transferId);
            payment.confirmations = ConfirmationPolicy.confirmations(head, transfer.blockNumber);
            if (!payment.credited) {
                continue;
            }
            Optional<OrderQuote> quote = OrderQuote.findByIdOptional(new OrderQuote.Id(order.id, transfer.chain, transfer.asset));
            if (quote.isEmpty()) {
                continue; // the attributor credits quoted transfers only
            }
            paidFraction = paidFraction.add(new BigDecimal(transfer.amountBaseUnits)
                    .divide(new BigDecimal(quote.get().amountBaseUnits), MathContext.DECIMAL128));
            shallowest = Math.min(shallowest, payment.confirmations);
            received = received.add(new BigDecimal(transfer.amountBaseUnits, quote.get().decimals));
            assets.add(transfer.chain + ":" + transfer.asset);
            order.blockchain = transfer.chain;
            order.paymentMethod = transfer.asset;
        }
        if (shallowest == Long.MAX_VALUE) {
            order.amountReceived = null; // nothing credited (yet, or any more after a reorg): the order waits
            return;
        }
        // one asset: received in that asset; several: the order-currency equivalent of what arrived
        order.amountReceived = assets.size() == 1 ? received : order.orderTotal.multiply(paidFraction, MathContext.DECIMAL128);
        if (assets.size() > 1) {
            order.paymentMethod = null;
            order.blockchain = null;
        }
        PaymentStatus verdict;
        if (shallowest < depth) {
            verdict = PaymentStatus.ON_HOLD;
        } else if (paidFraction.compareTo(BigDecimal.ONE.subtract(checkout.underpaymentTolerancePercent().divide(HUNDRED))) >= 0) {
            verdict = PaymentStatus.CONFIRMED;
        } else {
            verdict = PaymentStatus.FAILED;
        }
        if (verdict != PaymentStatus.ON_HOLD) {
            // a final order takes no more payments: its amounts are free for other orders again
            ReservedAmount.delete("orderId", order.id);
        }
        if (stateMachine.decidedByChain(order, verdict)) {
            LOG.infof("Order %s is %s: %s of the amount due received", order.id, verdict.wire(), Money.plain(paidFraction.round(MathContext.DECIMAL64)));
        }
    }
}
