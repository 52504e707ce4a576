package dev.confirma.rates.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confirma.rates.config.RatesConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * GETs JSON from rate providers through the Quarkus REST client, with the configured
 * timeouts, and reads it with numbers as exact decimals. Every failure becomes a
 * {@link RateProviderException} naming the provider.
 */
@Singleton
public class ProviderHttp {

    /** No real price needs more digits, before or after the point. */
    static final int MAX_DIGITS = 40;

    private final ObjectMapper json;
    private final RatesConfig config;

    ProviderHttp(ObjectMapper json, RatesConfig config) {
        this.json = json;
        this.config = config;
    }

    /** A REST client for {@code api} at {@code baseUrl}, with the configured timeouts and no redirects. */
    <T> T client(Class<T> api, String baseUrl) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(baseUrl))
                .connectTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .build(api);
    }

    /** Sends the request and reads its JSON body; any failure names the provider. */
    JsonNode fetch(String provider, Supplier<Response> request) {
        String body;
        try (Response response = request.get()) {
            if (response.getStatus() != 200) {
                throw new RateProviderException(provider + " answered HTTP " + response.getStatus());
            }
            body = response.readEntity(String.class);
        } catch (WebApplicationException e) {
            throw new RateProviderException(provider + " answered HTTP " + e.getResponse().getStatus());
        } catch (ProcessingException e) {
            throw new RateProviderException(provider + " did not answer: " + rootMessage(e), e);
        }
        try {
            JsonNode tree = json.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw new RateProviderException(provider + " answered with JSON that is not an object");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new RateProviderException(provider + " answered with unreadable JSON");
        }
    }

    /** A positive price from a JSON number or numeric string; anything else is the provider's fault. */
    static BigDecimal price(String provider, JsonNode value, String what) {
        BigDecimal price;
        if (value != null && value.isNumber()) {
            price = value.decimalValue();
        } else if (value != null && value.isTextual()) {
            try {
                price = new BigDecimal(value.textValue().trim());
            } catch (NumberFormatException e) {
                throw new RateProviderException(provider + " gave a non-numeric price for " + what);
            }
        } else {
            return null;
        }
        if (price.precision() > MAX_DIGITS || Math.abs(price.scale()) > MAX_DIGITS) {
            // "1e-999999999" is a valid number and a denial of service for anything that computes with it
            throw new RateProviderException(provider + " gave an unusable price for " + what);
        }
        if (price.signum() <= 0) {
            throw new RateProviderException(provider + " gave a zero or negative price for " + what + ": " + price.toPlainString());
        }
        return price;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
