/**
 * The hosted payment page and its JSON. It reads the order core, its quotes and
 * {@code payment.OrderTransactions}, not an adapter's view. Uses {@code order}, {@code payment},
 * {@code chain}, {@code store}, {@code shopper}, {@code common}, and {@code plugin} only for
 * the plugin API's spelling of {@code paymentStatus}, which the page's JSON repeats.
 */
package dev.confirma.checkout;
