/**
 * What every package may use and that uses no feature package: money, secrets, the clock,
 * retrying a lost race, domain exceptions' base, and ({@code error}, {@code json}, {@code text})
 * the HTTP edge's error shape and request-body rules; {@code openapi}, what the API document
 * declares once (schemes, tags, error bodies) and the refusals it adds to every operation.
 */
package dev.confirma.common;
