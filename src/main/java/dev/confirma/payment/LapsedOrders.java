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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
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

    static final int PAGE = 500;
    /** Pages looked at per run; the next run starts again from the oldest. */
    static final int PAGES = 20;

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
        List<String> lapsed = new ArrayList<>();
        // page past orders that cannot close yet (a chain switched off, or not read far enough), so they never block the rest
        for (int page = 0; page < PAGES; page++) {
            int from = page * PAGE;
            List<Order> candidates = QuarkusTransaction.requiringNew().call(() -> candidates(from));
            lapsed.addAll(QuarkusTransaction.requiringNew().call(() -> {
                // the page's quoted chains in one query, not one per order
                Map<String, List<String>> chainsOf = OrderQuote.forOrders(candidates.stream().map(o -> o.id).toList()).stream()
                        .collect(Collectors.groupingBy(q -> q.id.orderId, Collectors.mapping(q -> q.id.protocol, Collectors.toList())));
                return candidates.stream().filter(order -> readPast(order, chainsOf.getOrDefault(order.id, List.of()), readUntil))
                        .map(order -> order.id).toList();
            }));
            if (candidates.size() < PAGE) {
                break;
            }
        }
        // a payment credited (or a hash claimed) since: the decisions reopen the order, the lapse must not close it first
        int closed = OrderExpiry.each(lapsed, order -> !paymentUnderway(order) && stateMachine.closeIfWindowOver(order));
        if (closed > 0) {
            LOG.infof("Cancelled %d order(s) whose late-payment window closed unpaid", closed);
        }
        return closed;
    }

    private static boolean paymentUnderway(Order order) {
        return OrderPayment.count("orderId = ?1 and credited = true", order.id) > 0
                || PaymentClaim.count("id.orderId = ?1", order.id) > 0;
    }

    private List<Order> candidates(int from) {
        return Order.getEntityManager()
                .createQuery("select o from Order o where o.expired = true and o.paymentStatus = :cancelled"
                        + " and o.lifecycleStatus = :created and o.monitoredUntil < :before order by o.monitoredUntil, o.id", Order.class)
                .setParameter("cancelled", PaymentStatus.CANCELLED)
                .setParameter("created", LifecycleStatus.CREATED)
                .setParameter("before", clock.instant().minus(READ_PAST))
                .setFirstResult(from)
                .setMaxResults(PAGE)
                .getResultList();
    }

    /** Whether every chain the order was quoted on is read, and attributed, past its window by {@link #READ_PAST}. */
    private boolean readPast(Order order, List<String> quotedChains, Map<String, Optional<Instant>> readUntil) {
        Instant needed = order.monitoredUntil.plus(READ_PAST);
        return quotedChains.stream().distinct()
                .allMatch(chain -> readUntil.computeIfAbsent(chain, this::readUntil).map(at -> at.isAfter(needed)).orElse(false));
    }

    /** How far the chain is read with every transfer attributed: its cursor's tip, unless a transfer waits. */
    private Optional<Instant> readUntil(String chain) {
        Optional<Protocol> protocol = chains.parse(chain).filter(p -> chains.find(p).map(c -> c.enabled()).orElse(false));
        if (protocol.isEmpty()) {
            return Optional.empty();
        }
        // the tip first: a block read after it is newer than it, and a transfer waiting to be attributed stops the lapse
        Optional<Instant> tip = cursor.tip(protocol.get()).map(BlockCursor.SeenBlock::time);
        return ChainTransfer.count("chain = ?1 and amountChecked = false and removed = false", chain) > 0 ? Optional.empty() : tip;
    }
}
