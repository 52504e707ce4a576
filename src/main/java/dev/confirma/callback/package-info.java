/**
 * The outbox: delivery rows written in the transaction of the change they announce, leased by
 * a worker, signed, sent with retries, logged and redelivered. It knows no body's shape: the
 * adapter whose callbacks they are renders them ({@link dev.confirma.callback.CallbackBodies}).
 * Uses {@code order} (to find a store's orders), {@code store}, {@code common}.
 */
package dev.confirma.callback;
