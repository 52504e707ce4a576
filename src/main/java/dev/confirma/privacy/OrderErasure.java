package dev.confirma.privacy;

import dev.confirma.callback.CallbackAttempt;
import dev.confirma.callback.CallbackDelivery;
import dev.confirma.common.Contention;
import dev.confirma.order.Order;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Erases one order's personal fields, and those of its stored callback bodies and other copies,
 * in one short transaction that holds the order's row lock: a status change at the same moment
 * either waits for it or, having read the order before, fails on the order's version and is
 * retried by its caller; neither change overwrites the other. Amounts, hashes, statuses,
 * timeline, items, payments and refunds stay as they are.
 */
@Singleton
class OrderErasure {

    private static final int ATTEMPTS = 3;

    private final Clock clock;
    private final Instance<PersonalDataCopies> copies;

    private final Pseudonyms pseudonyms;

    OrderErasure(Clock clock, Instance<PersonalDataCopies> copies, Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
        this.clock = clock;
        this.copies = copies;
    }

    /** Erases the order unless it is gone, erased already, or no longer {@code due} (checked under the lock). */
    Erased erase(String orderId, Predicate<Order> due) {
        return Contention.retrying(ATTEMPTS, () -> QuarkusTransaction.requiringNew().call(() -> eraseLocked(orderId, due)));
    }

    private Erased eraseLocked(String orderId, Predicate<Order> due) {
        Order order = Order.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null || order.erasedAt != null || !due.test(order)) {
            return Erased.NOTHING;
        }
        Instant now = clock.instant();
        order.customerId = pseudonyms.of(order.storeId, order.customerId);
        order.deliveryInfo = null;
        order.metadata = null;
        order.trackingNumber = null;
        order.erasedAt = now;
        order.updatedAt = now;
        PersonalFields fields = new PersonalFields(order.storeId, pseudonyms);
        int deliveries = 0;
        for (CallbackDelivery delivery : CallbackDelivery.<CallbackDelivery>list("orderId = ?1 and body is not null", orderId)) {
            String scrubbed = fields.scrubAll(delivery.body);
            if (!scrubbed.equals(delivery.body)) {
                delivery.body = scrubbed;
                deliveries++;
            }
        }
        // a receiver's answer may echo what it was sent: the first bytes kept of it go too (status and timing stay)
        CallbackAttempt.update("responseExcerpt = null where responseExcerpt is not null and deliverySeq in"
                + " (select d.seq from CallbackDelivery d where d.orderId = ?1)", orderId);
        int answers = 0;
        for (PersonalDataCopies copy : copies) {
            answers += copy.scrub(order.storeId, orderId, fields);
        }
        Order.flush(); // a concurrent change to the order fails here, inside the retry, not at commit
        return new Erased(1, deliveries, answers);
    }
}
