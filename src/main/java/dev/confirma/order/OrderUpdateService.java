package dev.confirma.order;

import dev.confirma.common.error.ApiException;
import dev.confirma.payment.PaymentClaims;
import dev.confirma.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Applies {@code PUT /plugins/checkout/{orderId}}: attaches a transaction hash (moving the
 * order to on-hold until the chain decides) and the plugin's own status changes.
 */
@ApplicationScoped
public class OrderUpdateService {

    private final PaymentClaims claims;
    private final OrderStateMachine stateMachine;
    private final Clock clock;

    OrderUpdateService(PaymentClaims claims, OrderStateMachine stateMachine, Clock clock) {
        this.claims = claims;
        this.stateMachine = stateMachine;
        this.clock = clock;
    }

    /** As the store: any of its orders, any change the state machine allows. */
    @Transactional
    public Order updateAsStore(Store store, String orderId, OrderUpdate update) {
        Order order = Order.findForStore(orderId, store.id)
                .orElseThrow(() -> ApiException.notFound("Order " + orderId + " not found"));
        update.paymentMethod().ifPresent(asset -> requireAccepted(store, asset));
        apply(order, update);
        return order;
    }

    /** As the shopper holding the order's session token: only attach a payment. */
    @Transactional
    public Order updateAsShopper(String orderId, OrderUpdate update) {
        boolean onlyClaims = update.paymentStatus().map(s -> s == PaymentStatus.ON_HOLD && update.transactionHash().isPresent()).orElse(true);
        if (!onlyClaims) {
            throw ApiException.forbidden("A session token can attach a transactionHash but not change paymentStatus");
        }
        Order order = Order.<Order>findByIdOptional(orderId)
                .orElseThrow(() -> ApiException.notFound("Order " + orderId + " not found"));
        Store store = Store.findActive(order.storeId).orElseThrow(() -> ApiException.notFound("Order " + orderId + " not found"));
        update.paymentMethod().ifPresent(asset -> requireAccepted(store, asset));
        apply(order, update);
        return order;
    }

    private void apply(Order order, OrderUpdate update) {
        update.transactionHash().ifPresent(hash -> claim(order, hash, update));
        update.paymentStatus().ifPresent(status -> stateMachine.requestByStore(order, status));
        update.blockchain().ifPresent(chain -> order.blockchain = chain.name());
        update.paymentMethod().ifPresent(asset -> order.paymentMethod = asset);
        update.convertedTotal().ifPresent(total -> order.convertedTotal = total);
        order.updatedAt = clock.instant();
    }

    private void claim(Order order, String hash, OrderUpdate update) {
        if (claims.isClaimedBy(hash, order.id)) {
            return; // the same hash sent again for the same order: nothing new
        }
        stateMachine.paymentClaimed(order);
        claims.record(hash, order.id, update.blockchain().map(Enum::name).orElse(null), update.paymentMethod().orElse(null));
        order.transactionHash = hash;
    }

    private static void requireAccepted(Store store, String asset) {
        Optional<List<String>> accepted = Optional.ofNullable(store.acceptedAssets).map(a -> List.of(a.split(",")));
        if (accepted.isPresent() && !accepted.get().contains(asset)) {
            throw ApiException.invalidField("paymentMethod", "paymentMethod " + asset + " is not accepted by this store");
        }
    }
}
