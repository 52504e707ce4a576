package dev.confirma.common.text;

import java.util.regex.Pattern;

/** What an {@code Idempotency-Key} header may be, on either API: 1 to 255 visible ASCII characters, as Stripe takes them. */
public final class IdempotencyKeys {

    private static final Pattern SPELLING = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private IdempotencyKeys() {
    }

    public static boolean isWellFormed(String key) {
        return key != null && SPELLING.matcher(key).matches();
    }
}
