package dev.confirma.common.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confirma.common.error.ErrorBody;
import dev.confirma.common.error.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Completes {@code /q/openapi} with the refusals every endpoint shares, and gives every error
 * response the body of the API it belongs to: {@link ErrorBody} as {@code application/json},
 * or {@link Problem} as {@code application/problem+json} under {@code /v1}. A resource then
 * declares only its own refusals, by status and description. Run once, when the server is built.
 *
 * <p>Shared refusals: 400 everywhere (a bad parameter, or a control character in the path), 401
 * where a credential is required, 403 for a read-only store key on anything but GET, 404 where
 * the path names something, 413 and 415 where a body is read.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ErrorResponses implements OASFilter {

    private static final String JSON = "application/json";
    private static final String PROBLEM_JSON = Problem.MEDIA_TYPE.toString();
    private static final Set<String> STORE_SCHEMES = Set.of(ApiDocumentation.STORE_KEY, ApiDocumentation.STORE_BEARER);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) ->
                item.getOperations().forEach((method, operation) -> complete(path, method, operation)));
    }

    private void complete(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        Set<String> schemes = schemes(operation);
        boolean body = operation.getRequestBody() != null;

        addIfAbsent(responses, "400", "The request is invalid; `error.field` names the field or parameter to fix. Nothing was changed.");
        if (!schemes.isEmpty()) {
            addIfAbsent(responses, "401", "No credential, or one that is not valid (unknown, revoked and expired answer alike).");
        }
        if (schemes.stream().anyMatch(STORE_SCHEMES::contains) && method != PathItem.HttpMethod.GET
                && method != PathItem.HttpMethod.HEAD) {
            addIfAbsent(responses, "403", "The store key is read-only (scopes `read`): it may only GET.");
        }
        if (path.contains("{")) {
            addIfAbsent(responses, "404", "Nothing by that id for this caller: unknown, or another store's.");
        }
        if (body) {
            addIfAbsent(responses, "413", "The body is larger than 64 KiB.");
            addIfAbsent(responses, "415", "The body is not sent as `application/json` in UTF-8.");
        }
        boolean problems = Problem.spokenAt(path);
        responses.getAPIResponses().forEach((status, response) -> {
            if (isError(status)) {
                giveBody(Integer.parseInt(status), response, problems, typical(Integer.parseInt(status), path, schemes, body,
                        response.getDescription()));
            }
        });
        dropCredentialParameters(operation, schemes);
        typeUntypedParameters(operation);
        describeIdempotencyKey(operation);
        // Quarkus' own bookkeeping, which it strips only when it makes up summaries or tags itself
        operation.removeExtension("x-quarkus-openapi-method-ref");
    }

    /**
     * A parameter a resource declares by name only (those read through UriInfo) is text, as the
     * server reads every parameter; OpenAPI wants each parameter to say so.
     */
    private static void typeUntypedParameters(Operation operation) {
        if (operation.getParameters() != null) {
            operation.getParameters().stream().filter(p -> p.getSchema() == null && p.getContent() == null && p.getRef() == null)
                    .forEach(p -> p.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
    }

    /** One wording for the header both APIs honour the same way. */
    private static void describeIdempotencyKey(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        operation.getParameters().stream()
                .filter(p -> p.getIn() == Parameter.In.HEADER && "Idempotency-Key".equalsIgnoreCase(p.getName()) && p.getDescription() == null)
                .forEach(p -> p.setDescription("Optional, 1–255 visible ASCII characters, per store. The same key with the same"
                        + " request within 24 h answers what the first answered and runs nothing; with another request 422"
                        + " `idempotency_key_reused`; while the first still runs 409 `idempotency_key_in_flight`."));
    }

    /** A resource's own declaration wins: it words its description and may give examples of its own. */
    private static void addIfAbsent(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static void giveBody(int status, APIResponse response, boolean problems, ErrorBody typical) {
        String mediaType = problems ? PROBLEM_JSON : JSON;
        Content content = response.getContent();
        if (content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty()) {
            content = OASFactory.createContent().addMediaType(mediaType, OASFactory.createMediaType());
            response.setContent(content);
        }
        if (problems && content.hasMediaType(JSON)) {
            // a resource's refusals are declared in the produced type; under /v1 they travel as problem+json
            MediaType json = content.getMediaType(JSON);
            content.removeMediaType(JSON);
            content.addMediaType(PROBLEM_JSON, json);
        }
        boolean typicalShown = false;
        for (Map.Entry<String, MediaType> entry : content.getMediaTypes().entrySet()) {
            MediaType media = entry.getValue();
            if (!entry.getKey().equals(JSON) && !entry.getKey().equals(PROBLEM_JSON)) {
                continue; // the hosted page's own HTML answers keep what they declared
            }
            if (media.getSchema() == null) {
                media.setSchema(OASFactory.createSchema().ref(problems ? ApiDocumentation.PROBLEM : ApiDocumentation.ERROR_BODY));
            }
            if ((media.getExamples() == null || media.getExamples().isEmpty()) && media.getExample() == null) {
                media.addExample(typical.error().code(), OASFactory.createExample().value(shaped(status, typical, problems)));
                typicalShown = true;
            } else if (problems && media.getExamples() != null) {
                media.getExamples().values().forEach(e -> e.setValue(reshaped(status, e.getValue())));
            }
        }
        // the rate limits send Retry-After; a refusal of its own with a 429 (too_many_reports) declares its example, and no header
        if (status == 429 && typicalShown) {
            response.addHeader("Retry-After", OASFactory.createHeader().description("Whole seconds until the limit's window ends")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
        }
    }

    /** What a refusal of that status typically says, for a response no resource gave an example for. */
    private static ErrorBody typical(int status, String path, Set<String> schemes, boolean body, String description) {
        return switch (status) {
            case 400 -> body
                    ? ErrorBody.of("invalid_json", "Request body is not valid JSON: Unexpected end-of-input (line 1, column 14)", null)
                    : ErrorBody.of("invalid_field", "limit must be a whole number from 1 to 100", "limit");
            case 401 -> ErrorBody.of("unauthorized", unauthorized(schemes), null);
            case 403 -> ErrorBody.of("insufficient_scope", "This API key is read-only (scopes: read): it may only GET; use a key"
                    + " with scopes read,write to change anything", null);
            case 404 -> ErrorBody.of("not_found", noun(path) + " 8c0f4f7e-3b0a-4d3e-9a57-2f1d6c5b9e21 not found", null);
            case 409 -> ErrorBody.of("concurrent_update", "Another request changed the same data at the same time; this one"
                    + " changed nothing, retry it", null);
            case 413 -> ErrorBody.of("payload_too_large", "Request body is larger than 64 KiB", null);
            case 415 -> ErrorBody.of("unsupported_media_type", "Content-Type must be application/json", null);
            case 422 -> ErrorBody.of("idempotency_key_reused", "This Idempotency-Key was used with another request in the last"
                    + " 24 h; use a new key for a new request", null);
            case 429 -> ErrorBody.of("rate_limited", schemes.contains(ApiDocumentation.SESSION_TOKEN)
                    ? "Too many requests from this address; retry in 42 s" : "Too many checkouts for this store; retry in 42 s", null);
            default -> ErrorBody.of("refused", description, null);
        };
    }

    /** The error as the API answers it: the contract's body, or its problem+json under /v1 (as V1Problems re-shapes it). */
    private static Object shaped(int status, ErrorBody body, boolean problems) {
        return MAPPER.convertValue(problems ? Problem.of(status, body) : body, Map.class);
    }

    /** An example a resource wrote in the contract's body, re-shaped for /v1; one written as a problem stays as it is. */
    private static Object reshaped(int status, Object value) {
        Map<?, ?> map = value instanceof Map<?, ?> m ? m : readMap(value);
        if (map == null || map.containsKey("type") || !(map.get("error") instanceof Map<?, ?> error)) {
            return value;
        }
        return shaped(status, ErrorBody.of((String) error.get("code"), (String) map.get("message"), (String) error.get("field")), true);
    }

    private static Map<?, ?> readMap(Object value) {
        if (!(value instanceof String text) || !text.trim().startsWith("{")) {
            return null;
        }
        try {
            return MAPPER.readValue(text, Map.class);
        } catch (java.io.IOException notJson) {
            return null;
        }
    }

    private static boolean isError(String status) {
        return status.length() == 3 && (status.startsWith("4") || status.startsWith("5"));
    }

    private static Set<String> schemes(Operation operation) {
        Set<String> names = new java.util.TreeSet<>();
        if (operation.getSecurity() != null) {
            for (SecurityRequirement requirement : operation.getSecurity()) {
                if (requirement.getSchemes() != null) {
                    names.addAll(requirement.getSchemes().keySet());
                }
            }
        }
        return names;
    }

    private static String unauthorized(Set<String> schemes) {
        if (schemes.contains(ApiDocumentation.OPERATOR_TOKEN)) {
            return "Authorization: Bearer <operator token> is required";
        }
        if (schemes.contains(ApiDocumentation.STORE_KEY) || schemes.contains(ApiDocumentation.STORE_BEARER)) {
            return "x-api-key header is required";
        }
        return "The order's sessionToken is required";
    }

    private static String noun(String path) {
        if (path.contains("/deliveries/")) {
            return "Delivery";
        }
        if (path.contains("/webhooks/")) {
            return "Webhook";
        }
        if (path.contains("/stores/")) {
            return "Store";
        }
        return "Order";
    }

    /**
     * The credentials are described once, by the security schemes: a parameter that carries one
     * (the session token in the query, the Authorization or x-api-key header) is not listed again.
     */
    private static void dropCredentialParameters(Operation operation, Set<String> schemes) {
        if (operation.getParameters() == null) {
            return;
        }
        List<Parameter> kept = new ArrayList<>();
        for (Parameter parameter : operation.getParameters()) {
            boolean credential = parameter.getIn() == Parameter.In.HEADER
                    && ("Authorization".equalsIgnoreCase(parameter.getName()) || "x-api-key".equalsIgnoreCase(parameter.getName()))
                    || parameter.getIn() == Parameter.In.QUERY && "sessionToken".equals(parameter.getName())
                    && schemes.contains(ApiDocumentation.SESSION_TOKEN);
            if (!credential) {
                kept.add(parameter);
            }
        }
        operation.setParameters(kept);
    }
}
