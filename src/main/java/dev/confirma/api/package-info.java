/**
 * The merchant Orders API ({@code /v1/orders}, CONTRACT §7): a second adapter over the order
 * core, in snake_case, with problem+json errors that name every invalid field at once, its
 * order events to webhook subscriptions ({@code /v1/webhooks}), fraud rules ({@code /v1/fraud/rules})
 * and customer data ({@code /v1/customers}). Like the plugin adapter it only parses, authorises and
 * maps; the core's state machine moves orders. Uses {@code order}, {@code payment}, {@code refund},
 * {@code privacy}, {@code shopper}, {@code store}, {@code callback}, {@code fraud}, {@code chain} and
 * {@code common}; nothing uses it.
 */
package dev.confirma.api;
