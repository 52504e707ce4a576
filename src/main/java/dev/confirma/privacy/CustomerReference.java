package dev.confirma.privacy;

import dev.confirma.common.error.ApiException;
import java.util.Locale;

/**
 * The {@code customer_id} of {@code /v1/customers/{customer_id}}: the merchant's customer id, or
 * an email address (it matches orders either way: their customer id exactly, their delivery
 * email ignoring case).
 */
public record CustomerReference(String value) {

    /** An email's longest legal length; customer ids are at most 128. */
    public static final int MAX_LENGTH = 254;

    public static CustomerReference parse(String raw) {
        String value = raw == null ? "" : raw.trim();
        if (value.isEmpty()) {
            throw ApiException.invalidField("customer_id", "customer_id is required: the merchant's customer id or an email address");
        }
        if (value.length() > MAX_LENGTH) {
            throw ApiException.invalidField("customer_id", "customer_id must be at most " + MAX_LENGTH + " characters");
        }
        return new CustomerReference(value);
    }

    /** As delivery emails are compared: lower case. */
    public String asEmail() {
        return value.toLowerCase(Locale.ROOT);
    }

    /** The reference as the audit log's subject is keyed from: emails in lower case. */
    String normalised() {
        return value.contains("@") ? asEmail() : value;
    }
}
