package dev.confirma.plugin;

import dev.confirma.chain.Protocol;
import dev.confirma.order.Actor;
import dev.confirma.order.Order;
import dev.confirma.order.OrderQuote;
import dev.confirma.order.OrderStateMachine;
import dev.confirma.order.PaymentStatus;
import dev.confirma.common.error.ApiException;
import dev.confirma.payment.PaymentClaims;
import dev.confirma.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Applies {@code PUT /plugins/checkout/{orderId}}: attaches a transaction hash (moving the
 * order to on-hold until the chain decides) and the plugin's own status changes. A final
 * order (confirmed, failed, cancelled) takes no change at all, except an order cancelled
 * because it expired: a hash paid inside its late-payment window may still be attached. A
 * hash the chain already credited to another order is refused (409), since it can never pay
 * this one; a hash merely claimed by another order is not (README, "Transaction hashes").
 */
@ApplicationScoped
public class OrderUpdateService {

    private final PaymentClaims claims;
    private final OrderStateMachine stateMachine;
    /** The shopper, on the hosted page, with the order's session token. */
    private static final Actor SHOPPER = new Actor("shopper");

    private final Clock clock;

    OrderUpdateService(PaymentClaims claims, OrderStateMachine stateMachine, Clock clock) {
        this.claims = claims;
        this.stateMachine = stateMachine;
        this.clock = clock;
    }

    /** As the store: any of its orders, any change the state machine allows. */
    @Transactional
    public Order updateAsStore(Store store, Actor actor, String orderId, OrderUpdate update) {
        Order order = Order.findForStore(orderId, store.id)
                .orElseThrow(() -> ApiException.notFound("Order " + orderId + " not found"));
        apply(order, update, actor);
        return order;
    }

    /**
     * As the shopper holding the order's session token: attach a transaction hash, naming
     * the chain and asset paid if they like, and nothing else.
     */
    @Transactional
    public Order updateAsShopper(String orderId, OrderUpdate update) {
        boolean statusImpliedByHash = update.paymentStatus().map(s -> s == PaymentStatus.ON_HOLD).orElse(true);
        if (update.transactionHash().isEmpty() || !statusImpliedByHash || update.convertedTotal().isPresent()) {
            throw ApiException.forbidden("A session token can only attach a transactionHash (with its blockchain and paymentMethod)");
        }
        Order order = Order.<Order>findByIdOptional(orderId)
                .orElseThrow(() -> ApiException.notFound("Order " + orderId + " not found"));
        apply(order, update, SHOPPER);
        return order;
    }

    private void apply(Order order, OrderUpdate update, Actor actor) {
        update.transactionHash().filter(hash -> claims.isPaidToAnotherOrder(hash, order.id, update.blockchain()))
                .ifPresent(hash -> {
                    throw new ApiException(409, "transaction_already_used", "Transaction " + hash
                            + update.blockchain().map(chain -> " on " + chain).orElse("")
                            + " already paid another order and cannot pay this one; pay this order with a new transaction",
                            "transactionHash");
                });
        update.transactionHash().filter(hash -> order.paymentStatus() == PaymentStatus.FAILED && claims.isCreditedTo(hash, order.id))
                .ifPresent(hash -> {
                    throw new ShortPaymentException(order.id);
                });
        boolean namesPayment = update.blockchain().isPresent() || update.paymentMethod().isPresent();
        boolean payable = update.transactionHash().isPresent() ? order.awaitsPayment() : order.paymentStatus().isUnpaid();
        if (!payable && namesPayment || !order.paymentStatus().isUnpaid() && update.convertedTotal().isPresent()) {
            throw ApiException.conflict("order_final", "Order " + order.id + " is " + PluginStatus.of(order.paymentStatus())
                    + " and can no longer be changed");
        }
        requireQuoted(order, update);
        update.transactionHash().ifPresent(hash -> claims.claim(order, hash, update.blockchain(), update.paymentMethod()));
        update.paymentStatus().ifPresent(status -> stateMachine.requestByStore(order, status, actor, null));
        update.blockchain().ifPresent(chain -> order.blockchain = chain.name());
        update.paymentMethod().ifPresent(asset -> order.paymentMethod = asset);
        update.convertedTotal().ifPresent(total -> order.convertedTotal = total);
        order.updatedAt = clock.instant();
        Order.flush(); // a concurrent change to this order fails here, as a 409, not at commit
    }

    /** A named chain or asset must be one this order can be paid in: one of its quotes. */
    private static void requireQuoted(Order order, OrderUpdate update) {
        if (update.blockchain().isEmpty() && update.paymentMethod().isEmpty()) {
            return;
        }
        List<OrderQuote> quotes = OrderQuote.forOrders(List.of(order.id));
        boolean quoted = quotes.stream().anyMatch(q ->
                update.blockchain().map(chain -> chain.name().equals(q.id.protocol)).orElse(true)
                        && update.paymentMethod().map(asset -> asset.equals(q.id.asset)).orElse(true));
        if (!quoted) {
            String offered = quotes.stream().map(q -> q.id.asset + " on " + q.id.protocol).collect(Collectors.joining(", "));
            throw ApiException.invalidField(update.paymentMethod().isPresent() ? "paymentMethod" : "blockchain",
                    "This order can be paid in " + offered + " only");
        }
    }
}
