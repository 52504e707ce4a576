/**
 * What every package may use and that uses no feature package: money, secrets, the clock,
 * retrying a lost race, domain exceptions' base, and ({@code error}, {@code json}, {@code text})
 * the HTTP edge's error shape and request-body rules.
 */
package dev.confirma.common;
