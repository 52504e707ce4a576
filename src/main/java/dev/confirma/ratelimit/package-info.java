/**
 * Request limits: checkout creation per store and the shopper-facing endpoints per client
 * address, counted in memory per instance, refused with 429 and {@code Retry-After} before the
 * endpoint runs. Uses {@code store} (who is calling) and {@code common}; nothing uses it.
 */
package dev.confirma.ratelimit;
