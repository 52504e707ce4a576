package dev.confirma.reporting;

/**
 * What verified refunds gave back of each order, in the order's currency: each refund counts as
 * its share of the amount due in its asset (the quote), as the refund package decides coverage,
 * times the order's total. One SQL fragment for analytics and orders.csv alike.
 */
final class RefundedValue {

    private RefundedValue() {
    }

    /**
     * A derived table {@code (order_id, refunded)} of one store's orders created in [from, until);
     * parameters: store id, from, until.
     */
    static final String BY_ORDER = "SELECT rf.order_id AS order_id,"
            + " SUM(ro.order_total * rf.amount_base_units / q.amount_base_units) AS refunded"
            + " FROM refunds rf"
            + " JOIN orders ro ON ro.id = rf.order_id"
            + " JOIN order_quotes q ON q.order_id = rf.order_id AND q.protocol = rf.protocol AND q.asset = rf.asset"
            + " WHERE rf.status = 'VERIFIED' AND q.amount_base_units > 0"
            + " AND ro.store_id = ? AND ro.created_at >= ? AND ro.created_at < ?"
            + " GROUP BY rf.order_id";

    /** The paid part of an order {@code o} net of its refunds {@code r} (never below zero); null-safe. */
    static final String NET_PAID = "CASE WHEN o.payment_status = 'CONFIRMED'"
            + " THEN o.order_total - LEAST(o.order_total, COALESCE(r.refunded, 0)) ELSE 0 END";

    /** An order counts as paid once its payment is CONFIRMED: no transition leads out of it (PaymentTransitions). */
    static final String PAID = "CASE WHEN o.payment_status = 'CONFIRMED' THEN 1 ELSE 0 END";
}
