-- The order lifecycle becomes a type (order.LifecycleStatus): 'open' was its only value. A
-- confirmed order is paid; one the store cancelled is cancelled; everything else, including an
-- order the expiry cancelled (a payment made inside its late-payment window may still pay it),
-- is created.
UPDATE orders SET status = CASE
    WHEN payment_status = 'CONFIRMED' THEN 'PAID'
    WHEN payment_status = 'CANCELLED' AND expired = FALSE THEN 'CANCELLED'
    ELSE 'CREATED'
END;
