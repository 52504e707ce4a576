/**
 * Market rates: providers, the median of their answers, the cache and its staleness rule, and
 * the pricer that turns an order total into amounts due (rounded up to the base unit). Uses
 * {@code chain} (assets) and {@code common}.
 */
package dev.confirma.rates;
