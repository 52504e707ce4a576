package dev.confirma.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.confirma.common.error.ApiException;
import dev.confirma.common.text.RequestText;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads every JSON request body (endpoints take a {@link JsonNode} and read it through
 * {@link JsonRequest}), refusing what Jackson alone would let through (README, "Limits"): a
 * body without a concrete JSON Content-Type (415), bytes that are not strict UTF-8 (Jackson
 * decodes overlong forms such as C0 BC to "&lt;"), data after the value, a number whose
 * exponent is out of range, and text with control characters or lone surrogates, wherever
 * they are in the body. Errors name the field.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonBodyReader implements MessageBodyReader<JsonNode> {

    /** Most decimal places, and most zeros an exponent may add: 1e100 and 1e-100 are read, 1e101 is not. */
    public static final int MAX_NUMBER_SCALE = 100;

    private final ObjectMapper mapper;

    JsonBodyReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonNode.class;
    }

    @Override
    public JsonNode readFrom(Class<JsonNode> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                             MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        String contentType = headers.getFirst(HttpHeaders.CONTENT_TYPE);
        byte[] bytes = body.readAllBytes();
        if (bytes.length == 0 && (contentType == null || contentType.isBlank())) {
            return null; // no body at all, as a bare POST of an action sends: the endpoint says whether it needs one
        }
        requireJsonContentType(contentType);
        JsonNode tree = parse(utf8(bytes));
        check(tree, "");
        return tree;
    }

    /** Without a Content-Type (or with a wildcard one) the REST layer would take any body as JSON. */
    private static void requireJsonContentType(String header) {
        MediaType type = null;
        try {
            type = header == null || header.isBlank() ? null : MediaType.valueOf(header);
        } catch (IllegalArgumentException unreadable) {
            // refused below
        }
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (type == null || type.isWildcardType() || type.isWildcardSubtype()
                || (charset != null && !charset.equalsIgnoreCase("utf-8"))) {
            throw new ApiException(415, "unsupported_media_type",
                    "Content-Type must be application/json (UTF-8); a body without one, or with a wildcard, is refused", null);
        }
    }

    private String utf8(byte[] bytes) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never gives more chars than bytes
        CoderResult result = strict.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            String field = fieldOfUnfinishedString(new String(bytes, 0, at, StandardCharsets.UTF_8));
            throw new ApiException(400, "invalid_encoding", "Request body is not valid UTF-8 at byte " + at
                    + (field == null ? "" : ", in " + field) + " (overlong, surrogate or truncated sequence)", field);
        }
        strict.flush(out);
        String text = out.flip().toString();
        // RFC 8259 lets a reader ignore a byte order mark; Jackson did, so plugins may send one.
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * The field whose string value {@code prefix} ends inside, or null when it ends elsewhere:
     * closed with a quote, the prefix's last token is then that string, ending at its very end.
     */
    private String fieldOfUnfinishedString(String prefix) {
        String probe = prefix + '"';
        try (JsonParser parser = mapper.createParser(probe)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING) {
                    parser.getText();
                    if (parser.currentLocation().getCharOffset() == probe.length()) {
                        return FieldPath.of(parser.getParsingContext());
                    }
                }
            }
            return null;
        } catch (IOException endedElsewhere) {
            return null;
        }
    }

    private JsonNode parse(String text) throws IOException {
        try (JsonParser parser = mapper.createParser(text)) {
            try {
                JsonNode tree = mapper.readTree(parser);
                return tree == null ? MissingNode.getInstance() : tree;
            } catch (NumberFormatException exponentOverflow) {
                throw numberOutOfRange(FieldPath.of(parser.getParsingContext()));
            } catch (StreamConstraintsException tooDeepOrTooLong) {
                String field = FieldPath.of(parser.getParsingContext());
                throw new ApiException(400, "invalid_json", "Request body is refused: " + describe(tooDeepOrTooLong)
                        + (field == null ? "" : ", at " + field), field);
            } catch (MismatchedInputException trailing) {
                // reading a tree, Jackson's one mismatch is FAIL_ON_TRAILING_TOKENS (JsonSetup)
                throw ApiException.badRequest("invalid_json", "Request body must be one JSON value, but more follows it (line "
                        + trailing.getLocation().getLineNr() + ", column " + trailing.getLocation().getColumnNr() + ")");
            }
        }
    }

    private static void check(JsonNode node, String path) {
        if (node.isTextual()) {
            RequestText.problem(node.textValue()).ifPresent(problem -> {
                throw ApiException.invalidField(path.isEmpty() ? null : path, (path.isEmpty() ? "Request body" : path) + " " + problem);
            });
        } else if (node.isBigDecimal() && Math.abs(node.decimalValue().scale()) > MAX_NUMBER_SCALE) {
            throw numberOutOfRange(path.isEmpty() ? null : path);
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = FieldPath.child(path, RequestText.printable(field.getKey()));
                RequestText.problem(field.getKey()).ifPresent(problem -> {
                    throw ApiException.invalidField(name, "The field name " + name + " " + problem);
                });
                check(field.getValue(), name);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), FieldPath.element(path, i));
            }
        }
    }

    private static ApiException numberOutOfRange(String field) {
        return new ApiException(400, field == null ? "invalid_json" : "invalid_field", (field == null ? "The number" : field)
                + " is out of range: a number may have at most " + MAX_NUMBER_SCALE + " decimal places, and its exponent may add at most "
                + MAX_NUMBER_SCALE + " zeros (1e100 and 1e-100 are read, 1e101 and 1e-101 are not)", field);
    }

    /** Jackson's own wording, without the name of its configuration method. */
    private static String describe(StreamConstraintsException e) {
        String reason = e.getOriginalMessage();
        int reference = reason.indexOf(", from `");
        return reference < 0 ? reason : reason.substring(0, reference) + ")";
    }

    /** Field paths as {@link JsonRequest} names them: {@code deliveryInfo.email}, {@code wallets[0].address}. */
    static final class FieldPath {

        private FieldPath() {
        }

        static String child(String path, String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        static String element(String path, int index) {
            return path + "[" + index + "]";
        }

        /** The path of the value a parser is at, or null at the top. */
        static String of(JsonStreamContext context) {
            if (context == null || context.inRoot()) {
                return null;
            }
            String parent = of(context.getParent());
            String path = parent == null ? "" : parent;
            if (context.inArray()) {
                return element(path, Math.max(context.getCurrentIndex(), 0));
            }
            String name = context.getCurrentName();
            return name == null ? parent : child(path, RequestText.printable(name));
        }
    }
}
