package dev.confirma.order;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** What plugins act on (CONTRACT §3), spelled on the wire as the Cryptum API spells it. */
public enum PaymentStatus {
    PENDING("pending"),
    ON_HOLD("on-hold"),
    CONFIRMED("confirmed"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String wire;

    PaymentStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** Unpaid orders are the ones a shopper may still pay and a re-post returns. */
    public boolean isUnpaid() {
        return this == PENDING || this == ON_HOLD;
    }

    public static Optional<PaymentStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst();
    }
}
