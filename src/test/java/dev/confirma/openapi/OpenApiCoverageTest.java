package dev.confirma.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document at {@code /q/openapi} against the code: every JAX-RS endpoint of the
 * server, found in the compiled classes (not in the document), must be in it with a summary,
 * a tag, a documented 4xx error body and a security requirement; every request body with a
 * schema and an example. An endpoint added without its documentation fails here, by name.
 */
@QuarkusTest
class OpenApiCoverageTest {

    /**
     * Endpoints that take no credential by design, each with its reason; everything else must name
     * the schemes that protect it. Even the hosted page needs the order's session token; only the
     * health summary is open, as a load balancer asks it without a key.
     * (/q/openapi and /q/swagger-ui are Quarkus' routes, not resources: docs/operations.md says why
     * they are open and how to turn them off.)
     */
    private static final Map<String, String> PUBLIC = Map.of(
            "GET /health", "load balancers and uptime monitors ask it without a key; it holds no secret (RPC URLs cut to their host)");

    /** Parameter annotations that make a parameter something other than the request body. */
    private static final Set<String> NOT_BODY = Set.of("PathParam", "QueryParam", "HeaderParam", "CookieParam", "FormParam",
            "MatrixParam", "BeanParam", "Context", "RestPath", "RestQuery", "RestHeader", "RestCookie", "RestForm", "RestMatrix");

    private JsonNode document;

    /** Fetched per test: a static {@code @BeforeAll} would run before the server listens. */
    @BeforeEach
    void fetchDocument() throws IOException {
        String json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        Files.createDirectories(java.nio.file.Path.of("target"));
        Files.writeString(java.nio.file.Path.of("target/openapi.json"), json); // for a reader who wants to see it whole
        document = new ObjectMapper().readTree(json);
    }

    @Test
    void shouldDocumentEveryEndpointWhenTheCodeServesIt() {
        List<String> missing = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            if (operation(endpoint).isMissingNode()) {
                missing.add(endpoint + " (" + endpoint.source() + ")");
            }
        }
        assertTrue(missing.isEmpty(), "Endpoints missing from /q/openapi:\n  " + String.join("\n  ", missing));
    }

    @Test
    void shouldGiveEveryOperationSummaryTagAndErrorBodyWhenDocumented() {
        List<String> gaps = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            JsonNode op = operation(endpoint);
            if (op.isMissingNode()) {
                continue; // reported by shouldDocumentEveryEndpointWhenTheCodeServesIt
            }
            if (op.path("summary").asText("").isBlank()) {
                gaps.add(endpoint + ": no summary");
            }
            if (op.path("description").asText("").isBlank()) {
                gaps.add(endpoint + ": no description");
            }
            if (!op.path("tags").isArray() || op.path("tags").isEmpty()) {
                gaps.add(endpoint + ": no tag");
            }
            if (!hasSuccessResponse(op)) {
                gaps.add(endpoint + ": no 2xx response");
            }
            String errorSchema = endpoint.path().startsWith("/v1/") ? "Problem" : "ErrorBody";
            String errorType = endpoint.path().startsWith("/v1/") ? "application/problem+json" : "application/json";
            if (!hasErrorBody(op, errorType, errorSchema)) {
                gaps.add(endpoint + ": no 4xx response with the API's error body (" + errorType + ", " + errorSchema + ")");
            }
            if (endpoint.path().startsWith("/v1/") && hasErrorBody(op, "application/json", "")) {
                gaps.add(endpoint + ": an error under /v1 documented as application/json; they are application/problem+json");
            }
            for (JsonNode parameter : op.path("parameters")) {
                if (!parameter.has("schema") && !parameter.has("content")) {
                    gaps.add(endpoint + ": parameter " + parameter.path("name").asText() + " has no schema");
                }
            }
            op.path("responses").fields().forEachRemaining(response -> {
                if (response.getValue().path("description").asText("").isBlank()) {
                    gaps.add(endpoint + ": response " + response.getKey() + " has no description");
                }
            });
            if (endpoint.takesBody() && !hasBodySchemaAndExample(op)) {
                gaps.add(endpoint + ": reads a request body, documented without a schema and an example");
            }
        }
        assertTrue(gaps.isEmpty(), "Undocumented parts of /q/openapi:\n  " + String.join("\n  ", gaps));
    }

    @Test
    void shouldRequireTheCredentialsTheServerChecksWhenNotDeliberatelyPublic() {
        Set<String> schemes = new TreeSet<>();
        document.path("components").path("securitySchemes").fieldNames().forEachRemaining(schemes::add);
        List<String> gaps = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            JsonNode op = operation(endpoint);
            if (op.isMissingNode()) {
                continue;
            }
            JsonNode security = op.has("security") ? op.get("security") : document.path("security");
            Set<String> named = new TreeSet<>();
            security.forEach(requirement -> requirement.fieldNames().forEachRemaining(named::add));
            if (PUBLIC.containsKey(endpoint.toString())) {
                if (!named.isEmpty()) {
                    gaps.add(endpoint + ": listed as public (" + PUBLIC.get(endpoint.toString()) + ") but documented with " + named);
                }
                continue;
            }
            if (named.isEmpty()) {
                gaps.add(endpoint + ": no security requirement");
                continue;
            }
            named.stream().filter(name -> !schemes.contains(name))
                    .forEach(name -> gaps.add(endpoint + ": names " + name + ", which components.securitySchemes does not define"));
            Credentials expected = Credentials.checkedAt(endpoint);
            if (!expected.accepted().containsAll(named) || !named.containsAll(expected.required())) {
                gaps.add(endpoint + ": documented with " + named + "; the server (AccessFilters, ShopperAccess) takes "
                        + expected.accepted() + ", of which " + expected.required() + " must be named");
            }
            if (!op.path("responses").has("401")) {
                gaps.add(endpoint + ": takes credentials but documents no 401");
            }
        }
        assertTrue(gaps.isEmpty(), "Security gaps in /q/openapi:\n  " + String.join("\n  ", gaps));
    }

    /**
     * What the server checks by path (store.rest.AccessFilters, shopper.ShopperAccess), written out
     * here so the document cannot drift from it: {@code required} must be named, nothing outside
     * {@code accepted} may be.
     */
    record Credentials(Set<String> required, Set<String> accepted) {
        static Credentials checkedAt(Endpoint endpoint) {
            String path = endpoint.path();
            if (path.startsWith("/admin/")) {
                return new Credentials(Set.of("operatorToken"), Set.of("operatorToken"));
            }
            if (path.startsWith("/v1/")) {
                return new Credentials(Set.of("storeBearer", "storeKey"), Set.of("storeBearer", "storeKey"));
            }
            if (endpoint.method().equals("PUT") && path.startsWith("/plugins/checkout/")) {
                Set<String> all = Set.of("storeKey", "sessionToken", "sessionBearer");
                return new Credentials(all, all);
            }
            if (path.startsWith("/plugins/")) {
                return new Credentials(Set.of("storeKey"), Set.of("storeKey"));
            }
            if (path.startsWith("/pay/") || path.startsWith("/public/")) {
                return new Credentials(Set.of("sessionToken"), Set.of("sessionToken", "sessionBearer"));
            }
            throw new AssertionError(endpoint + ": a path outside /admin, /v1, /plugins, /pay and /public; say here what"
                    + " protects it (and in AccessFilters)");
        }
    }

    @Test
    void shouldDescribeOnlyEndpointsThatExistWhenReadBackwards() {
        Set<String> served = endpoints().stream().map(Endpoint::toString).collect(Collectors.toSet());
        List<String> stale = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (HTTP_METHODS.contains(method) && !served.contains(method.toUpperCase(Locale.ROOT) + " " + path.getKey())) {
                stale.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        assertTrue(stale.isEmpty(), "/q/openapi describes endpoints the code does not serve: " + stale);
    }

    /** The {action} of the Orders API is one JAX-RS method; its documented values are the code's actions. */
    @Test
    void shouldListEveryLifecycleActionWhenTheActionPathIsDocumented() throws ClassNotFoundException {
        Set<String> actions = new TreeSet<>();
        for (Object action : Class.forName("dev.confirma.api.V1OrderActions$Action").getEnumConstants()) {
            actions.add(((Enum<?>) action).name().toLowerCase(Locale.ROOT));
        }
        Set<String> documented = new TreeSet<>();
        for (JsonNode parameter : document.path("paths").path("/v1/orders/{id}/{action}").path("post").path("parameters")) {
            if (parameter.path("name").asText().equals("action")) {
                parameter.path("schema").path("enum").forEach(value -> documented.add(value.asText()));
            }
        }
        assertEquals(actions, documented);
    }

    @Test
    void shouldDefineTheAuthSchemesWhenDocumentIsServed() {
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertEquals("apiKey", schemes.path("storeKey").path("type").asText());
        assertEquals("header", schemes.path("storeKey").path("in").asText());
        assertEquals("x-api-key", schemes.path("storeKey").path("name").asText());
        assertEquals("http", schemes.path("storeBearer").path("type").asText());
        assertEquals("bearer", schemes.path("storeBearer").path("scheme").asText());
        assertEquals("http", schemes.path("operatorToken").path("type").asText());
        assertEquals("bearer", schemes.path("operatorToken").path("scheme").asText());
        assertEquals("apiKey", schemes.path("sessionToken").path("type").asText());
        assertEquals("query", schemes.path("sessionToken").path("in").asText());
        assertEquals("sessionToken", schemes.path("sessionToken").path("name").asText());
        assertEquals("http", schemes.path("sessionBearer").path("type").asText());
        assertEquals("bearer", schemes.path("sessionBearer").path("scheme").asText());
    }

    @Test
    void shouldNameTitleVersionAndLicenseWhenDocumentIsServed() {
        JsonNode info = document.path("info");
        assertEquals("Confirma", info.path("title").asText());
        assertFalse(info.path("version").asText("").isBlank(), "info.version");
        assertFalse(info.path("description").asText("").isBlank(), "info.description");
        assertFalse(info.path("license").path("name").asText("").isBlank(), "info.license.name");
    }

    @Test
    void shouldServeSwaggerUiWhenAsked() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    // --- the endpoints, from the compiled classes -------------------------------------------

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** One HTTP method on one path, as the code serves it. */
    record Endpoint(String method, String path, boolean takesBody, String source) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static List<Endpoint> cached;

    /**
     * Every resource method of every {@code @Path} class of the server. {@code @Path} interfaces are
     * the REST clients that call the rate providers out (no server resource here is an interface).
     */
    static synchronized List<Endpoint> endpoints() {
        if (cached != null) {
            return cached;
        }
        List<Endpoint> found = new ArrayList<>();
        for (JavaClass resource : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.confirma")) {
            if (!resource.isAnnotatedWith(Path.class) || resource.isInterface()) {
                continue;
            }
            String base = resource.getAnnotationOfType(Path.class).value();
            for (JavaMethod method : resource.getMethods()) {
                List<String> verbs = method.getAnnotations().stream()
                        .filter(a -> a.getRawType().isAnnotatedWith(HttpMethod.class))
                        .map(a -> a.getRawType().getAnnotationOfType(HttpMethod.class).value())
                        .toList();
                String sub = method.isAnnotatedWith(Path.class) ? method.getAnnotationOfType(Path.class).value() : "";
                if (verbs.isEmpty()) {
                    // a sub-resource locator would serve paths this test cannot see: refuse it rather than skip it
                    assertFalse(method.isAnnotatedWith(Path.class), method.getFullName() + " is a sub-resource locator;"
                            + " teach OpenApiCoverageTest to follow it");
                    continue;
                }
                boolean takesBody = method.getParameters().stream().anyMatch(OpenApiCoverageTest::isBody);
                for (String verb : verbs) {
                    found.add(new Endpoint(verb, join(base, sub), takesBody, resource.getSimpleName() + "." + method.getName()));
                }
            }
        }
        assertFalse(found.isEmpty(), "no endpoint found in dev.confirma: the scan is broken");
        cached = List.copyOf(found);
        return cached;
    }

    private static boolean isBody(JavaParameter parameter) {
        for (JavaAnnotation<JavaParameter> annotation : parameter.getAnnotations()) {
            if (NOT_BODY.contains(annotation.getRawType().getSimpleName())) {
                return false;
            }
        }
        return true;
    }

    /** {@code /a} + {@code b/{id: [0-9]+}/} as OpenAPI writes it: {@code /a/b/{id}}. */
    static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private JsonNode operation(Endpoint endpoint) {
        return document.path("paths").path(endpoint.path()).path(endpoint.method().toLowerCase(Locale.ROOT));
    }

    // --- what a documented operation must hold ----------------------------------------------

    private static boolean hasSuccessResponse(JsonNode op) {
        for (Iterator<String> codes = op.path("responses").fieldNames(); codes.hasNext(); ) {
            if (codes.next().startsWith("2")) {
                return true;
            }
        }
        return false;
    }

    /** A 4xx answered as {@code mediaType} whose schema is (or may be, in a oneOf) {@code schema}; "" for any schema. */
    private static boolean hasErrorBody(JsonNode op, String mediaType, String schema) {
        for (Iterator<Map.Entry<String, JsonNode>> responses = op.path("responses").fields(); responses.hasNext(); ) {
            Map.Entry<String, JsonNode> response = responses.next();
            JsonNode media = response.getValue().path("content").path(mediaType);
            if (response.getKey().startsWith("4") && !media.isMissingNode() && refersTo(media.path("schema"), schema)) {
                return true;
            }
        }
        return false;
    }

    private static boolean refersTo(JsonNode schema, String name) {
        if (name.isEmpty()) {
            return !schema.isMissingNode();
        }
        if (schema.path("$ref").asText("").equals("#/components/schemas/" + name)) {
            return true;
        }
        for (JsonNode option : schema.path("oneOf")) {
            if (refersTo(option, name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasBodySchemaAndExample(JsonNode op) {
        JsonNode content = op.path("requestBody").path("content");
        if (!hasSchema(content)) {
            return false;
        }
        for (JsonNode media : content) {
            if (media.path("examples").size() > 0 || media.has("example")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSchema(JsonNode content) {
        for (JsonNode media : content) {
            JsonNode schema = media.path("schema");
            if (schema.has("$ref") || schema.has("type") || schema.has("properties") || schema.has("oneOf")) {
                return true;
            }
        }
        return false;
    }
}
