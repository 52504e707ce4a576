package dev.confirma.payment;

import dev.confirma.chain.Chains;
import dev.confirma.chain.Protocol;
import dev.confirma.chain.watch.BlockCursor;
import dev.confirma.chain.watch.ChainTransfer;
import dev.confirma.order.LifecycleStatus;
import dev.confirma.order.Order;
import dev.confirma.order.OrderExpiry;
import dev.confirma.order.OrderQuote;
import dev.confirma.order.OrderStateMachine;
import dev.confirma.order.PaymentStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Cancels, for the merchant, orders the expiry cancelled unpaid once nothing can pay them any
 * more: their late-payment window is over and every chain they were quoted on has been read,
 * with its transfers attributed, well past it. Until then a payment made inside the window but
 * read late (a slow poll, an RPC outage) still counts.
 */
@Singleton
public class LapsedOrders {

    private static final Logger LOG = Logger.getLogger(LapsedOrders.class);
    /** Read this far past the window's end first: more than any reorg these chains see, beyond the clock skew allowed. */
    static final Duration READ_PAST = PaymentAttributor.CLOCK_SKEW.plus(Duration.ofHours(1));

    private final OrderStateMachine stateMachine;
    private final BlockCursor cursor;
    private final Chains chains;
    private final Clock clock;

    LapsedOrders(OrderStateMachine stateMachine, BlockCursor cursor, Chains chains, Clock clock) {
        this.stateMachine = stateMachine;
        this.cursor = cursor;
        this.chains = chains;
        this.clock = clock;
    }

    @Scheduled(every = "{confirma.checkout.expiry-check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "lapsed-orders")
    void scheduled() {
        closeLapsed();
    }

    /** Returns how many orders were cancelled for the merchant. */
    public int closeLapsed() {
        Map<String, Optional<Instant>> readUntil = new HashMap<>();
        List<String> lapsed = QuarkusTransaction.requiringNew().call(() -> candidates().stream()
                .filter(order -> readPast(order, readUntil))
                .map(order -> order.id)
                .toList());
        int closed = OrderExpiry.each(lapsed, stateMachine::closeIfWindowOver);
        if (closed > 0) {
            LOG.infof("Cancelled %d order(s) whose late-payment window closed unpaid", closed);
        }
        return closed;
    }

    private List<Order> candidates() {
        return Order.getEntityManager()
                .createQuery("select o from Order o where o.expired = true and o.paymentStatus = :cancelled"
                        + " and o.lifecycleStatus = :created and o.monitoredUntil < :before order by o.monitoredUntil", Order.class)
                .setParameter("cancelled", PaymentStatus.CANCELLED)
                .setParameter("created", LifecycleStatus.CREATED)
                .setParameter("before", clock.instant().minus(READ_PAST))
                .setMaxResults(500)
                .getResultList();
    }

    /** Whether every chain the order was quoted on is read, and attributed, past its window by {@link #READ_PAST}. */
    private boolean readPast(Order order, Map<String, Optional<Instant>> readUntil) {
        Instant needed = order.monitoredUntil.plus(READ_PAST);
        return OrderQuote.forOrders(List.of(order.id)).stream().map(q -> q.id.protocol).distinct()
                .allMatch(chain -> readUntil.computeIfAbsent(chain, this::readUntil).map(at -> at.isAfter(needed)).orElse(false));
    }

    /** How far the chain is read with every transfer attributed: its cursor's tip, unless a transfer waits. */
    private Optional<Instant> readUntil(String chain) {
        Optional<Protocol> protocol = chains.parse(chain).filter(p -> chains.find(p).map(c -> c.enabled()).orElse(false));
        if (protocol.isEmpty() || ChainTransfer.count("chain = ?1 and amountChecked = false and removed = false", chain) > 0) {
            return Optional.empty();
        }
        return cursor.tip(protocol.get()).map(BlockCursor.SeenBlock::time);
    }
}
