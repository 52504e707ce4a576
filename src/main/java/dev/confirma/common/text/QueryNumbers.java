package dev.confirma.common.text;

import dev.confirma.common.error.ApiException;

/** A whole number from a query parameter ({@code limit}, {@code offset}), refused naming the parameter and its range. */
public final class QueryNumbers {

    private QueryNumbers() {
    }

    /** {@code value} read as an integer from {@code min} to {@code max}; absent or blank: {@code fallback}. */
    public static int integer(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below, with the allowed range
        }
        throw ApiException.invalidField(field, field + " must be an integer from " + min + " to " + max);
    }
}
