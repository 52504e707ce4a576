-- Partial, over and late payment: one field beside the payment status (null when none).
ALTER TABLE orders ADD COLUMN payment_exception VARCHAR(16);

-- What today's rows already show: a failed order with an amount received fell short; a late
-- one otherwise came late. (An overpayment cannot be told from stored amounts alone: it shows
-- from the next verdict on.)
UPDATE orders SET payment_exception = 'PARTIAL' WHERE payment_status = 'FAILED' AND amount_received IS NOT NULL;
UPDATE orders SET payment_exception = 'LATE' WHERE payment_exception IS NULL AND late = TRUE;
