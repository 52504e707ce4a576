package dev.confirma.payment;

import dev.confirma.chain.watch.BlocksRead;
import dev.confirma.chain.watch.ChainTransfer;
import dev.confirma.order.Order;
import dev.confirma.order.OrderQuote;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Attributes recorded chain transfers to orders, and only records: the order's state
 * machine decides afterwards. A transfer to an order's own deposit address is that order's;
 * one of an order's reserved amount, to the base unit, at a shared wallet is that order's;
 * otherwise it goes to the earliest order that claimed its hash, preferring one quoted that
 * asset at that address. A transfer that lost its block in a reorg
 * loses its attribution.
 */
@Singleton
public class PaymentAttributor {

    private static final Logger LOG = Logger.getLogger(PaymentAttributor.class);
    /** How far a block's timestamp may run behind the server's clock. */
    static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(1);

    private final Event<PaymentsAttributed> attributed;
    private final Clock clock;

    PaymentAttributor(Event<PaymentsAttributed> attributed, Clock clock) {
        this.attributed = attributed;
        this.clock = clock;
    }

    void onBlocksRead(@Observes BlocksRead read) {
        Set<String> changed = QuarkusTransaction.requiringNew().call(() -> attribute(read.chain().name()));
        attributed.fire(new PaymentsAttributed(read.chain(), read.head(), changed));
    }

    /** Returns the ids of the orders whose payments changed. */
    Set<String> attribute(String chain) {
        Set<String> changed = new HashSet<>();
        forgetRemoved(chain, changed);
        OrderPayment.flush(); // the forgotten rows go before a re-included transaction is attributed again
        for (ChainTransfer transfer : unattributed(chain)) {
            transfer.amountChecked = true;
            // an order's own address, then an exact reserved amount, name the order beyond doubt: both win over any claim
            orderByDepositAddress(transfer).or(() -> orderByAmount(transfer)).or(() -> orderByClaim(transfer))
                    .ifPresent(orderId -> changed.add(attribute(transfer, orderId)));
        }
        return changed;
    }

    /** The order whose own deposit address received the transfer, whatever the amount. */
    private static Optional<String> orderByDepositAddress(ChainTransfer transfer) {
        return DepositAddress.orderAt(transfer.chain, transfer.toAddress).filter(orderId -> mayPay(transfer, orderId));
    }

    /**
     * The open order whose reserved amount this transfer is, to the base unit. A payment from a
     * block older than the order (by more than clock skew) cannot be for it.
     */
    private static Optional<String> orderByAmount(ChainTransfer transfer) {
        return ReservedAmount.orderFor(transfer.chain, transfer.asset, transfer.toAddress, transfer.amountBaseUnits, transfer.blockTime)
                .filter(orderId -> mayPay(transfer, orderId));
    }

    /**
     * The earliest claiming order this transfer may pay (open, not older than the payment),
     * preferring one that was quoted that asset at that address.
     */
    private static Optional<String> orderByClaim(ChainTransfer transfer) {
        List<String> claimants = PaymentClaim.getEntityManager().createQuery("select c.id.orderId from PaymentClaim c"
                        + " where c.id.transactionHash = :hash order by c.createdAt, c.id.orderId", String.class)
                .setParameter("hash", transfer.txHash)
                .getResultList().stream()
                .filter(orderId -> mayPay(transfer, orderId))
                .toList();
        return claimants.stream().filter(orderId -> isQuoted(orderId, transfer)).findFirst().or(() -> claimants.stream().findFirst());
    }

    /** A payment counts only for an order still taking payments, made inside the order's time. */
    private static boolean mayPay(ChainTransfer transfer, String orderId) {
        Order order = Order.findById(orderId);
        return order != null && order.takesPaymentMadeAt(transfer.blockTime, CLOCK_SKEW);
    }

    private String attribute(ChainTransfer transfer, String orderId) {
        OrderPayment payment = new OrderPayment();
        payment.transferId = transfer.id;
        payment.orderId = orderId;
        payment.createdAt = clock.instant();
        PaidTransaction owner = PaidTransaction.findById(new PaidTransaction.Id(transfer.chain, transfer.txHash));
        payment.note = refusal(transfer, orderId, owner);
        payment.credited = payment.note == null;
        if (payment.credited && owner == null) {
            PaidTransaction paid = new PaidTransaction();
            paid.id = new PaidTransaction.Id(transfer.chain, transfer.txHash);
            paid.orderId = orderId;
            paid.persist();
        }
        payment.persist();
        LOG.infof("%s transfer %s of %s %s attributed to order %s%s", transfer.chain, transfer.txHash, transfer.amountBaseUnits,
                transfer.asset, payment.orderId, payment.credited ? "" : ", not credited: " + payment.note);
        return payment.orderId;
    }

    /** Why the transfer does not count for the order, or null when it does. */
    private static String refusal(ChainTransfer transfer, String orderId, PaidTransaction owner) {
        if (!transfer.succeeded) {
            return "the transaction reverted";
        }
        if (!isQuoted(orderId, transfer)) {
            return transfer.asset + " to " + transfer.toAddress + " on " + transfer.chain + " is not one of the order's quotes";
        }
        if (owner != null && !owner.orderId.equals(orderId)) {
            return "the transaction already paid another order";
        }
        return null;
    }

    private static boolean isQuoted(String orderId, ChainTransfer transfer) {
        return OrderQuote.count("id.orderId = ?1 and id.protocol = ?2 and id.asset = ?3 and address = ?4",
                orderId, transfer.chain, transfer.asset, transfer.toAddress) > 0;
    }

    /** Still-canonical transfers with no attribution: not looked at yet, or named by a claim since. */
    private static List<ChainTransfer> unattributed(String chain) {
        return ChainTransfer.getEntityManager().createQuery("select t from ChainTransfer t where t.chain = :chain"
                        + " and t.removed = false"
                        + " and not exists (select p from OrderPayment p where p.transferId = t.id)"
                        + " and (t.amountChecked = false"
                        + "      or exists (select c from PaymentClaim c where c.id.transactionHash = t.txHash))"
                        + " order by t.blockNumber, t.logIndex", ChainTransfer.class)
                .setParameter("chain", chain)
                .getResultList();
    }

    /** Attributions of transfers whose block left the chain are dropped; their orders are decided again. */
    private static void forgetRemoved(String chain, Set<String> changed) {
        List<OrderPayment> orphaned = OrderPayment.list(
                "transferId in (select t.id from ChainTransfer t where t.chain = ?1 and t.removed = true)", chain);
        for (OrderPayment payment : orphaned) {
            ChainTransfer transfer = ChainTransfer.findById(payment.transferId);
            changed.add(payment.orderId);
            PaidTransaction.delete("id.chain = ?1 and id.txHash = ?2 and orderId = ?3", chain, transfer.txHash, payment.orderId);
            payment.delete();
        }
    }
}
