/**
 * The core: the order aggregate ({@link dev.confirma.order.Order}), its payment status and
 * lifecycle status as types, their transition tables, the one state machine that changes them,
 * the domain event {@link dev.confirma.order.PaymentStatusChanged} and domain exceptions
 * without HTTP codes. It knows nothing of HTTP, JSON, the Cryptum spellings, the chain or
 * payments: it uses {@code common} only, and every other feature package depends on it, never
 * the reverse (README, "Architecture"; {@code PackageGraphTest} checks it).
 */
package dev.confirma.order;
