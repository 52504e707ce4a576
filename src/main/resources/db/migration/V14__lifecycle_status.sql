-- The order lifecycle becomes a type (order.LifecycleStatus): 'open' was its only value. A
-- confirmed order is paid; one the store cancelled, or whose claimed payment never came, is
-- cancelled; everything else, including an order cancelled only because it expired (a late
-- payment may still pay it), is created.
UPDATE orders SET status = CASE
    WHEN payment_status = 'CONFIRMED' THEN 'PAID'
    WHEN payment_status = 'CANCELLED' AND expired = FALSE THEN 'CANCELLED'
    ELSE 'CREATED'
END;
