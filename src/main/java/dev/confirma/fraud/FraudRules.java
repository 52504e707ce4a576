package dev.confirma.fraud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A store's fraud rules: each that fires adds its score; an order whose total reaches
 * {@code threshold} is held when paid. A rule left null is off.
 *
 * @param perEmail     more than {@code max} orders with the order's email in the last hour, this one included
 * @param perClientIp  the same for the shopper's address (orders made with a {@code client_ip})
 * @param amountAbove  an order total above the limit given for its currency
 * @param countries    a shipping country (ISO 3166-1 alpha-2) in the list
 */
public record FraudRules(int threshold, Velocity perEmail, Velocity perClientIp, Amounts amountAbove, Countries countries) {

    public record Velocity(int max, int score) {
    }

    public record Amounts(Map<String, BigDecimal> limits, int score) {
    }

    public record Countries(List<String> codes, int score) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("fraud rules always write as JSON", e);
        }
    }

    static FraudRules fromJson(String json) {
        try {
            return JSON.readValue(json, FraudRules.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored fraud rules do not read: " + e.getOriginalMessage(), e);
        }
    }
}
