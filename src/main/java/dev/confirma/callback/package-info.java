/**
 * The outbox: delivery rows written in the transaction of the change they announce, leased by
 * a worker, signed, sent with retries, logged and redelivered, to an order's {@code callbackUrl}
 * or to a store's webhook subscriptions. It knows no body's shape: the adapter whose events they
 * are renders them ({@link dev.confirma.callback.CallbackBodies}, or the body given to
 * {@link dev.confirma.callback.CallbackOutbox#fanOut}). Uses {@code order} (to find a store's
 * orders), {@code store}, {@code common}.
 */
package dev.confirma.callback;
