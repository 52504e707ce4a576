package dev.confirma.payment;

import dev.confirma.chain.Asset;
import dev.confirma.chain.AssetCatalog;
import dev.confirma.chain.AssetId;
import dev.confirma.chain.watch.ChainTransfer;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An order's transactions, the one list every consumer shows (plugin order object, hosted page,
 * callbacks): the payments the chain showed for it, in the order they were recorded, then the
 * hashes claimed for it that the chain has not shown yet.
 */
@Singleton
public class OrderTransactions {

    /** Where a transaction stands for the order. */
    public enum Standing {
        /** Credited and as deep as the chain's confirmation depth. */
        CONFIRMED,
        /** Credited, not yet deep enough. */
        PENDING,
        /** Shown by the chain but not counted for the order (reverted, not quoted, paid another order); see the note. */
        IGNORED,
        /** Claimed for the order; the chain has not shown it (yet). */
        UNVERIFIED
    }

    /**
     * One transaction. {@code amount} is in the asset's units, null while only claimed;
     * {@code claim} is set when a plugin or shopper attached the hash to the order.
     */
    public record Transaction(String protocol, String hash, String asset, BigDecimal amount, long confirmations, Standing standing,
                              String note, Claim claim) {

        /** Credited to the order: it counts towards the amount due. */
        public boolean isCredited() {
            return standing == Standing.CONFIRMED || standing == Standing.PENDING;
        }
    }

    /** A hash attached to the order: the chain it was said to be on (null when none was named), and when. */
    public record Claim(String protocol, Instant at) {
    }

    private final ConfirmationPolicy confirmation;
    private final AssetCatalog assets;

    OrderTransactions(ConfirmationPolicy confirmation, AssetCatalog assets) {
        this.confirmation = confirmation;
        this.assets = assets;
    }

    public List<Transaction> of(String orderId) {
        return of(List.of(orderId)).getOrDefault(orderId, List.of());
    }

    /** The transactions of several orders, keyed by order id, in three queries whatever their number. */
    public Map<String, List<Transaction>> of(Collection<String> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        Map<String, List<PaymentClaim>> claims = PaymentClaim.forOrders(orderIds).stream()
                .collect(Collectors.groupingBy(c -> c.id.orderId));
        List<OrderPayment> payments = OrderPayment.forOrders(orderIds);
        Map<String, ChainTransfer> transfers = payments.isEmpty() ? Map.of()
                : ChainTransfer.<ChainTransfer>list("id in ?1", payments.stream().map(p -> p.transferId).toList()).stream()
                        .collect(Collectors.toMap(t -> t.id, t -> t));
        Map<String, List<Transaction>> byOrder = new HashMap<>();
        for (OrderPayment payment : payments) {
            ChainTransfer t = transfers.get(payment.transferId);
            Claim claim = claims.getOrDefault(payment.orderId, List.of()).stream()
                    .filter(c -> c.id.transactionHash.equals(t.txHash)).findFirst()
                    .map(c -> new Claim(c.blockchain, c.createdAt)).orElse(null);
            Standing standing = !payment.credited ? Standing.IGNORED
                    : confirmation.isConfirmed(t.chain, t.blockNumber, payment.confirmations) ? Standing.CONFIRMED : Standing.PENDING;
            byOrder.computeIfAbsent(payment.orderId, id -> new ArrayList<>()).add(new Transaction(t.chain, t.txHash, t.asset,
                    new BigDecimal(t.amountBaseUnits, decimals(t.chain, t.asset)), payment.confirmations, standing, payment.note, claim));
        }
        claims.forEach((orderId, orderClaims) -> {
            List<Transaction> list = byOrder.computeIfAbsent(orderId, id -> new ArrayList<>());
            Set<String> shown = list.stream().map(Transaction::hash).collect(Collectors.toSet());
            orderClaims.stream().filter(c -> !shown.contains(c.id.transactionHash))
                    .map(c -> new Transaction(c.blockchain, c.id.transactionHash, c.asset, null, 0, Standing.UNVERIFIED, null,
                            new Claim(c.blockchain, c.createdAt)))
                    .forEach(list::add);
        });
        return byOrder;
    }

    /** An asset this server no longer lists shows its base units as they are. */
    private int decimals(String chain, String symbol) {
        return assets.find(new AssetId(chain, symbol)).map(Asset::decimals).orElse(0);
    }
}
