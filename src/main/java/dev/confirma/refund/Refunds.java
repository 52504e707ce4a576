package dev.confirma.refund;

import dev.confirma.chain.evm.TransactionHash;
import dev.confirma.chain.Asset;
import dev.confirma.chain.AssetCatalog;
import dev.confirma.chain.ChainUnavailableException;
import dev.confirma.chain.Chains;
import dev.confirma.chain.Protocol;
import dev.confirma.chain.evm.EvmAddress;
import dev.confirma.chain.watch.ChainTransfer;
import dev.confirma.chain.watch.TransferReceipts;
import dev.confirma.chain.watch.TransferReceipts.TransferReceipt;
import dev.confirma.common.Contention;
import dev.confirma.common.error.ApiException;
import dev.confirma.order.Actor;
import dev.confirma.order.InvalidLifecycleTransitionException;
import dev.confirma.order.LifecycleStatus;
import dev.confirma.order.LifecycleTransitions;
import dev.confirma.order.Order;
import dev.confirma.order.OrderQuote;
import dev.confirma.order.OrderStateMachine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Records a store's refunds of an order and verifies them on the order's chain. The receipt is
 * read before the short transaction that writes the refund, never inside it; a refund whose
 * transaction is not deep enough yet is checked again by {@link #checkPending()}. Verified
 * refunds that cover what the order was due move it to REFUNDED, by the chain's word.
 */
@Singleton
public class Refunds {

    private static final Logger LOG = Logger.getLogger(Refunds.class);
    /** Tries of one write when another request changes the order or takes the hash at the same moment. */
    static final int ATTEMPTS = 3;
    /** Pending refunds checked per run at most; the next run takes the rest. */
    static final int BATCH = 200;
    /** Pages of pending refunds read per run. */
    static final int PAGES = 25;
    /** How long one instance's claim on a pending refund lasts: reading its transaction takes seconds at most. */
    static final java.time.Duration CHECK_LEASE = java.time.Duration.ofMinutes(2);

    private final OrderStateMachine stateMachine;
    private final TransferReceipts receipts;
    private final AssetCatalog catalog;
    private final Chains chains;
    private final Clock clock;

    Refunds(OrderStateMachine stateMachine, TransferReceipts receipts, AssetCatalog catalog, Chains chains, Clock clock) {
        this.stateMachine = stateMachine;
        this.receipts = receipts;
        this.catalog = catalog;
        this.chains = chains;
        this.clock = clock;
    }

    /**
     * Records a refund of the store's order. With a transaction hash the transaction is read
     * first: one already mined that does not send the refund is refused (422 naming
     * {@code transaction_hash}, nothing stored); one not mined or not deep enough, or on a chain
     * whose node cannot be read now, is PENDING.
     * Without a hash the refund is UNVERIFIED and covers nothing.
     */
    public RefundView request(String orderId, String storeId, RefundRequest request, Actor actor) {
        String toAddress = validToAddress(request.toAddress());
        Optional<String> hash = request.transactionHash().map(Refunds::validHash);
        Target target = QuarkusTransaction.requiringNew().call(() -> target(orderId, storeId, request, hash));
        QuarkusTransaction.requiringNew().run(() -> notAPayment(orderId, toAddress, hash));
        BigInteger baseUnits = validAmount(request.amount(), target.asset());
        RefundVerification.Verdict verdict = hash.isEmpty()
                ? new RefundVerification.Verdict(RefundStatus.UNVERIFIED, null)
                : readNow(target.asset(), toAddress, baseUnits, hash.get());
        if (verdict.status() == RefundStatus.REJECTED) {
            throw new ApiException(422, "refund_not_in_transaction", "transaction_hash " + hash.get() + ": " + verdict.reason(),
                    "transaction_hash");
        }
        return Contention.retrying(ATTEMPTS, () -> QuarkusTransaction.requiringNew().call(() -> {
            Order order = lockedOrder(orderId);
            refundable(order);
            hash.flatMap(h -> Refund.byTransaction(target.asset().protocol().name(), h)).ifPresent(taken -> {
                throw new TransactionAlreadyRefundedException(taken.protocol, taken.transactionHash);
            });
            Refund refund = new Refund();
            refund.id = UUID.randomUUID().toString();
            refund.orderId = order.id;
            refund.storeId = order.storeId;
            refund.protocol = target.asset().protocol().name();
            refund.asset = target.asset().symbol();
            refund.amount = request.amount();
            refund.amountBaseUnits = baseUnits;
            refund.toAddress = toAddress;
            refund.transactionHash = hash.orElse(null);
            refund.requestedBy = actor.name();
            refund.createdAt = clock.instant();
            apply(refund, verdict);
            refund.persist();
            // a hash another request took at this moment fails here, inside the retry, which then finds it taken
            Refund.flush();
            if (refund.status == RefundStatus.VERIFIED) {
                refundIfCovered(order);
            }
            return RefundView.of(refund);
        }));
    }

    /**
     * A refund goes out of the store: not to one of the order's own payment addresses, and not by
     * a transaction the watcher recorded paying into a store (the order's payment cited as its refund).
     */
    private static void notAPayment(String orderId, String toAddress, Optional<String> hash) {
        boolean ownAddress = OrderQuote.forOrders(List.of(orderId)).stream().anyMatch(q -> q.address.equalsIgnoreCase(toAddress));
        if (ownAddress) {
            throw ApiException.invalidField("to_address", "to_address is one of this order's payment addresses: a refund goes to the"
                    + " shopper, not back to the store");
        }
        hash.filter(h -> ChainTransfer.count("lower(txHash) = ?1", h.toLowerCase(Locale.ROOT)) > 0).ifPresent(h -> {
            throw ApiException.invalidField("transaction_hash", "transaction_hash " + h + " pays into a store's address: a payment,"
                    + " not a refund");
        });
    }

    /** The order's refunds, oldest first. */
    @Transactional
    public List<RefundView> of(String orderId) {
        return Refund.ofOrder(orderId).stream().map(RefundView::of).toList();
    }

    /** The refunds of each of these orders, oldest first, in one query: for a page of orders. */
    @Transactional
    public Map<String, List<RefundView>> of(Collection<String> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return Refund.<Refund>list("orderId in ?1 order by createdAt, id", orderIds).stream().map(RefundView::of)
                .collect(Collectors.groupingBy(RefundView::orderId, LinkedHashMap::new, Collectors.toList()));
    }

    /** Whether the order's verified refunds cover what it was due. */
    @Transactional
    public boolean covered(String orderId) {
        Order order = Order.findById(orderId);
        return order != null && covers(order, Refund.ofOrder(orderId));
    }

    @Scheduled(every = "{confirma.refunds.check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "refund-check")
    void scheduled() {
        checkPending();
    }

    /**
     * Reads the transaction of every PENDING refund again and settles the ones now mined deep
     * enough (verified) or shown not to be the refund (rejected). Returns how many were settled.
     */
    public int checkPending() {
        int settled = 0;
        // every pending refund, a page at a time: refunds never mined (a dropped transaction) must not hide newer ones
        Refund last = null;
        for (int page = 0; page < PAGES; page++) {
            Refund after = last;
            List<Refund> claimed = QuarkusTransaction.requiringNew().call(() -> claimDue(after));
            try {
                settled += check(claimed);
            } finally {
                release(claimed);
            }
            if (claimed.size() < BATCH) {
                break;
            }
            last = claimed.get(claimed.size() - 1);
        }
        return settled;
    }

    /**
     * The next page of pending refunds after {@code after} (in creation order), claimed for
     * {@link #CHECK_LEASE} with SKIP LOCKED: another instance checking at the same time takes
     * other refunds, and one that dies mid-check leaves its refunds to others when the claim ends.
     */
    private List<Refund> claimDue(Refund after) {
        Instant now = clock.instant();
        String sql = "SELECT id FROM refunds WHERE status = ?1 AND (next_check_at IS NULL OR next_check_at <= ?2)"
                + (after == null ? "" : " AND (created_at > ?3 OR (created_at = ?3 AND id > ?4))")
                + " ORDER BY created_at, id FETCH FIRST " + BATCH + " ROWS ONLY FOR UPDATE SKIP LOCKED";
        jakarta.persistence.Query query = Refund.getEntityManager().createNativeQuery(sql)
                .setParameter(1, RefundStatus.PENDING.name()).setParameter(2, now);
        if (after != null) {
            query.setParameter(3, after.createdAt).setParameter(4, after.id);
        }
        @SuppressWarnings("unchecked")
        List<String> ids = query.getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Refund.update("nextCheckAt = ?1 where id in ?2", now.plus(CHECK_LEASE), ids);
        return Refund.list("id in ?1 order by createdAt, id", ids);
    }

    /** The claimed refunds still pending are due again at the next run. */
    private static void release(List<Refund> claimed) {
        if (!claimed.isEmpty()) {
            List<String> ids = claimed.stream().map(r -> r.id).toList();
            QuarkusTransaction.requiringNew().run(() -> Refund.update("nextCheckAt = null where id in ?1 and status = ?2", ids,
                    RefundStatus.PENDING));
        }
    }

    private int check(List<Refund> pending) {
        int settled = 0;
        for (Refund refund : pending) {
            Optional<Asset> asset = catalog.find(new Protocol(refund.protocol), refund.asset);
            if (asset.isEmpty()) {
                LOG.warnf("Refund %s is in %s on %s, which this server no longer lists: left pending", refund.id, refund.asset,
                        refund.protocol);
                continue;
            }
            RefundVerification.Verdict verdict;
            try {
                verdict = verdict(asset.get(), refund.toAddress, refund.amountBaseUnits,
                        receipts.find(asset.get().protocol(), refund.transactionHash));
            } catch (ChainUnavailableException e) {
                // a delay, never a decision: the next run reads it again
                LOG.warnf("Refund %s waits for its chain: %s", refund.id, e.getMessage());
                continue;
            }
            if (verdict.status() == RefundStatus.PENDING) {
                continue;
            }
            if (Contention.retrying(ATTEMPTS, () -> QuarkusTransaction.requiringNew().call(() -> settle(refund.orderId, refund.id, verdict)))) {
                settled++;
            }
        }
        return settled;
    }

    private boolean settle(String orderId, String refundId, RefundVerification.Verdict verdict) {
        // every write of an order's refunds holds the order's lock: read after taking it, the refund is current
        Order order = lockedOrder(orderId);
        Refund refund = Refund.findById(refundId);
        if (refund.status != RefundStatus.PENDING) {
            return false;
        }
        apply(refund, verdict);
        LOG.infof("Refund %s of order %s is %s%s", refund.id, order.id, refund.status,
                verdict.reason() == null ? "" : ": " + verdict.reason());
        if (refund.status == RefundStatus.VERIFIED) {
            refundIfCovered(order);
        }
        return true;
    }

    private void apply(Refund refund, RefundVerification.Verdict verdict) {
        if (verdict.status() == RefundStatus.REJECTED && refund.transactionHash != null) {
            refund.rejectedHash = refund.transactionHash;
            refund.transactionHash = null;
        }
        refund.status = verdict.status();
        refund.reason = verdict.reason();
        refund.verifiedAt = verdict.status() == RefundStatus.VERIFIED ? clock.instant() : null;
    }

    /** The verdict on the transaction now; a chain that cannot be read leaves the refund pending, for {@link #checkPending()}. */
    private RefundVerification.Verdict readNow(Asset asset, String toAddress, BigInteger baseUnits, String hash) {
        try {
            return verdict(asset, toAddress, baseUnits, receipts.find(asset.protocol(), hash));
        } catch (ChainUnavailableException e) {
            LOG.warnf("Refund transaction %s on %s could not be read now (%s): recorded pending", hash, asset.protocol(), e.getMessage());
            return new RefundVerification.Verdict(RefundStatus.PENDING, "the chain's node could not be read; it is read again later");
        }
    }

    private RefundVerification.Verdict verdict(Asset asset, String toAddress, BigInteger baseUnits, Optional<TransferReceipt> receipt) {
        int depth = chains.find(asset.protocol()).orElseThrow().confirmations();
        return receipt.map(r -> RefundVerification.of(r, asset, toAddress, baseUnits, depth)).orElseGet(RefundVerification::notMined);
    }

    /** Moves the order to REFUNDED when its verified refunds cover it and its lifecycle allows it; else leaves it. */
    private void refundIfCovered(Order order) {
        List<Refund> refunds = Refund.ofOrder(order.id);
        if (!covers(order, refunds)) {
            return;
        }
        LifecycleStatus from = order.lifecycleStatus();
        if (!LifecycleTransitions.allows(from, LifecycleStatus.REFUNDED, order.lifecycleBefore())) {
            LOG.infof("Order %s is covered by verified refunds but %s: it stays %s", order.id, from, from);
            return;
        }
        List<String> hashes = refunds.stream().filter(r -> r.status == RefundStatus.VERIFIED).map(r -> r.transactionHash).toList();
        stateMachine.refundedOnChain(order, "verified refunds cover the order: " + String.join(", ", hashes));
    }

    /**
     * Whether verified refunds give back all the order was due: each refund counts as its share
     * of its asset's amount due (the quote), and the shares, added exactly, reach one.
     */
    private static boolean covers(Order order, List<Refund> refunds) {
        BigInteger numerator = BigInteger.ZERO;
        BigInteger denominator = BigInteger.ONE;
        boolean any = false;
        for (Refund refund : refunds) {
            if (refund.status != RefundStatus.VERIFIED) {
                continue;
            }
            OrderQuote quote = OrderQuote.findById(new OrderQuote.Id(order.id, refund.protocol, refund.asset));
            if (quote == null || quote.amountBaseUnits.signum() <= 0) {
                continue;
            }
            numerator = numerator.multiply(quote.amountBaseUnits).add(refund.amountBaseUnits.multiply(denominator));
            denominator = denominator.multiply(quote.amountBaseUnits);
            any = true;
        }
        return any && numerator.compareTo(denominator) >= 0;
    }

    /** The order's asset a refund of it is in. */
    private record Target(Asset asset) {
    }

    private Target target(String orderId, String storeId, RefundRequest request, Optional<String> hash) {
        Order order = Order.findForStore(orderId, storeId).orElseThrow(() -> ApiException.notFound("No order " + orderId));
        refundable(order);
        if (request.asset() == null || request.asset().isBlank()) {
            throw ApiException.missingField("asset");
        }
        String wanted = request.asset().trim();
        List<OrderQuote> quotes = OrderQuote.forOrders(List.of(order.id)).stream()
                .filter(q -> order.blockchain == null || q.id.protocol.equals(order.blockchain))
                .filter(q -> order.paymentMethod == null || q.id.asset.equals(order.paymentMethod))
                .toList();
        List<OrderQuote> matching = quotes.stream().filter(q -> q.id.asset.equalsIgnoreCase(wanted)).toList();
        String paidIn = order.paymentMethod != null ? order.paymentMethod + " on " + order.blockchain
                : String.join(", ", quotes.stream().map(q -> q.id.asset + " on " + q.id.protocol).toList());
        if (matching.size() != 1) {
            throw ApiException.invalidField("asset", matching.isEmpty()
                    ? "asset " + wanted + " is not what order " + order.id + " was paid in; refund it in " + paidIn
                    : "asset " + wanted + " is quoted on several chains for order " + order.id + "; refund it in one asset it was paid in");
        }
        OrderQuote quote = matching.get(0);
        Asset asset = catalog.find(new Protocol(quote.id.protocol), quote.id.asset).orElseThrow(() -> ApiException.invalidField(
                "asset", "asset " + quote.id.asset + " on " + quote.id.protocol + " is no longer accepted by this server"));
        // said before the chain is asked: a hash already counted is refused whatever its transaction shows
        hash.flatMap(h -> Refund.byTransaction(asset.protocol().name(), h)).ifPresent(taken -> {
            throw new TransactionAlreadyRefundedException(taken.protocol, taken.transactionHash);
        });
        return new Target(asset);
    }

    private static void refundable(Order order) {
        LifecycleStatus from = order.lifecycleStatus();
        if (from == LifecycleStatus.REFUNDED || !LifecycleTransitions.allows(from, LifecycleStatus.REFUNDED, order.lifecycleBefore())) {
            throw new InvalidLifecycleTransitionException(order.id, from, LifecycleStatus.REFUNDED,
                    LifecycleTransitions.next(from, order.lifecycleBefore()));
        }
    }

    private static Order lockedOrder(String orderId) {
        // one writer per order at a time: two refunds verified at once must not both miss that they cover it
        return Order.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
    }

    private static BigInteger validAmount(BigDecimal amount, Asset asset) {
        if (amount == null) {
            throw ApiException.missingField("amount");
        }
        if (amount.signum() <= 0) {
            throw ApiException.invalidField("amount", "amount must be positive");
        }
        if (amount.stripTrailingZeros().scale() > asset.decimals()) {
            throw ApiException.invalidField("amount", "amount has more than " + asset.decimals() + " decimals, all "
                    + asset.symbol() + " on " + asset.protocol() + " has");
        }
        if (amount.precision() - amount.scale() > 20) {
            throw ApiException.invalidField("amount", "amount is too large");
        }
        return amount.movePointRight(asset.decimals()).toBigIntegerExact();
    }

    private static String validToAddress(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.missingField("to_address");
        }
        return EvmAddress.parse(value.trim()).orElseThrow(() -> ApiException.invalidField("to_address",
                "to_address must be an EVM address: 0x and 40 hex digits, EIP-55 checksummed if in mixed case"));
    }

    private static String validHash(String value) {
        if (value == null || !TransactionHash.isWellFormed(value.trim())) {
            throw ApiException.invalidField("transaction_hash", "transaction_hash must be 0x and 64 hex digits");
        }
        return value.trim().toLowerCase(Locale.ROOT);
    }
}
