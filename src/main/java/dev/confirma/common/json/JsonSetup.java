package dev.confirma.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * JSON rules for money: numbers are read as exact decimals and written without exponents.
 * And the bounds of what is read at all (README, "Limits"); {@link JsonBodyReader} applies
 * the rest of the request-body rules.
 */
@Singleton
public class JsonSetup implements ObjectMapperCustomizer {

    /** Confirma's bodies nest three levels deep; 32 leaves room for a plugin's extra fields. */
    public static final int MAX_NESTING_DEPTH = 32;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        mapper.enable(SerializationFeature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        // {"orderTotal": 1, "orderTotal": 1000} is an attack or a bug, never a request.
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // {"orderTotal": 1}{"orderTotal": 1000}: one value per document, as RFC 8259 has it.
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // Jackson's other bounds stay (numbers up to 1000 digits: a 128-digit ecommerceOrderId is valid).
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build());
    }
}
