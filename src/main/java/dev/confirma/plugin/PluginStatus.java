package dev.confirma.plugin;

import dev.confirma.order.PaymentStatus;
import java.util.Arrays;
import java.util.Optional;

/** The Cryptum API's spelling of a payment status ({@code on-hold}), the one place it is written. */
public final class PluginStatus {

    private PluginStatus() {
    }

    public static String of(PaymentStatus status) {
        return switch (status) {
            case PENDING -> "pending";
            case ON_HOLD -> "on-hold";
            case CONFIRMED -> "confirmed";
            case FAILED -> "failed";
            case CANCELLED -> "cancelled";
        };
    }

    public static Optional<PaymentStatus> parse(String value) {
        return Arrays.stream(PaymentStatus.values()).filter(s -> of(s).equals(value)).findFirst();
    }
}
