package dev.confirma.refund;

/** Where a refund stands against the chain. */
public enum RefundStatus {
    /** No transaction hash given: recorded as the store's word, it covers nothing. */
    UNVERIFIED,
    /** A hash given whose transaction is not mined yet, or not deep enough: checked again. */
    PENDING,
    /** The transaction, deep enough, sends at least the amount of the asset to the address. */
    VERIFIED,
    /** The transaction failed or does not send what the refund says; the reason says what it does. */
    REJECTED
}
