package dev.confirma.api;

import dev.confirma.order.PaymentStatus;
import java.util.Locale;

/** The merchant API's spelling of a payment status: snake_case, like the rest of /v1 ({@code on_hold}). */
final class V1Spelling {

    private V1Spelling() {
    }

    static String of(PaymentStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
