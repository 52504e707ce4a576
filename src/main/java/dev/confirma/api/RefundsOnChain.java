package dev.confirma.api;

import jakarta.inject.Singleton;

/** Placeholder until the refund package lands: nothing is covered, so a dispute cannot be resolved as refunded. */
@Singleton
class RefundsOnChain implements RefundCoverage {

    @Override
    public boolean covered(String orderId) {
        return false;
    }
}
