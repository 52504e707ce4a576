package dev.confirma.privacy;

import dev.confirma.common.error.ApiException;
import dev.confirma.order.Order;
import dev.confirma.store.Store;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * A customer's orders in one store, exported or erased on the merchant's request, each recorded
 * in the audit log. A customer is every order whose customer id is the reference, or whose
 * delivery email is it (ignoring case).
 */
@Singleton
public class CustomerData {

    private static final Logger LOG = Logger.getLogger(CustomerData.class);

    private final OrderErasure erasure;
    private final AuditLog audit;

    private final Pseudonyms pseudonyms;

    CustomerData(OrderErasure erasure, AuditLog audit, Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
        this.erasure = erasure;
        this.audit = audit;
    }

    /** The customer's orders, oldest first, read in the caller's transaction; none is a 404. */
    public List<Order> export(Store store, String actor, CustomerReference customer) {
        List<Order> orders = Order.list("storeId = ?1 and (customerId = ?2 or lower(deliveryInfo.email) = ?3) order by createdAt, id",
                store.id, customer.value(), customer.asEmail());
        if (orders.isEmpty()) {
            throw ApiException.notFound("No order of this store has customer_id or email " + customer.value());
        }
        audit.record(actor, store.id, AuditLog.EXPORT, pseudonyms.subject(customer), "{\"orders_exported\":" + orders.size() + "}");
        return orders;
    }

    /**
     * Erases the personal fields of every order of the customer, one order per transaction (a
     * request cut short is finished by repeating it). An unknown or already erased customer
     * erases nothing, and says so with counts of 0.
     */
    public Erased erase(Store store, String actor, CustomerReference customer) {
        List<String> ids = QuarkusTransaction.requiringNew().call(() -> Order.getEntityManager().createQuery(
                        "select o.id from Order o where o.storeId = :store and o.erasedAt is null"
                                + " and (o.customerId = :customer or lower(o.deliveryInfo.email) = :email) order by o.createdAt, o.id",
                        String.class)
                .setParameter("store", store.id)
                .setParameter("customer", customer.value())
                .setParameter("email", customer.asEmail())
                .getResultList());
        Erased total = Erased.NOTHING;
        boolean complete = false;
        try {
            for (String id : ids) {
                total = total.plus(erasure.erase(id, order -> order.storeId.equals(store.id)));
            }
            complete = true;
        } finally {
            // what was erased is audited even when an order could not be (the request fails; repeating it finishes)
            String detail = complete ? total.detail() : "{\"incomplete\":true," + total.detail().substring(1);
            audit.record(actor, store.id, AuditLog.ERASE, pseudonyms.subject(customer), detail);
            // the subject's hash, never the reference: an email must not reach the log
            LOG.infof("Customer %s of store %s erased by %s: %s", pseudonyms.subject(customer), store.id, actor, detail);
        }
        return total;
    }
}
