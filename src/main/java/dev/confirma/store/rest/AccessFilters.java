package dev.confirma.store.rest;

import dev.confirma.common.BearerToken;
import dev.confirma.common.error.ApiException;
import dev.confirma.store.ApiKeys;
import dev.confirma.store.Caller;
import dev.confirma.store.OperatorToken;
import dev.confirma.store.Store;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every request by path, before its body is read, so no endpoint can be
 * added without protection: /admin needs the operator token, /plugins and /v1 a store key.
 * The one exception: {@code PUT /plugins/checkout/{id}} also takes the shopper's session
 * token, which {@code dev.confirma.plugin.ShopperUpdateAccess} checks right after, still
 * before the body is read. A read-only key (scopes {@code read}) is refused on anything but
 * GET and HEAD, on every path, before the endpoint runs.
 */
public class AccessFilters {

    static final String API_KEY_HEADER = "x-api-key";
    /** What a read-only key may send. */
    private static final Set<String> READS = Set.of("GET", "HEAD");

    private final OperatorToken operatorToken;
    private final ApiKeys apiKeys;
    private final Caller caller;

    AccessFilters(OperatorToken operatorToken, ApiKeys apiKeys, Caller caller) {
        this.operatorToken = operatorToken;
        this.apiKeys = apiKeys;
        this.caller = caller;
    }

    @ServerRequestFilter
    public void authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (startsWithSegment(path, "/admin")) {
            requireOperator(request);
        } else if (startsWithSegment(path, "/plugins")) {
            authenticateStore(request, request.getHeaderString(API_KEY_HEADER), allowsShopper(request));
        } else if (startsWithSegment(path, "/v1")) {
            String key = Optional.ofNullable(request.getHeaderString(API_KEY_HEADER)).orElseGet(() -> bearer(request));
            authenticateStore(request, key, false);
        }
    }

    private void requireOperator(ContainerRequestContext request) {
        String token = bearer(request);
        if (token == null) {
            throw ApiException.unauthorized("Authorization: Bearer <operator token> is required");
        }
        if (!operatorToken.matches(token)) {
            throw ApiException.unauthorized("The operator token is not valid");
        }
    }

    private void authenticateStore(ContainerRequestContext request, String key, boolean shopperAllowed) {
        if (key == null || key.isBlank()) {
            if (shopperAllowed) {
                return; // the endpoint checks the session token against the order it names
            }
            throw ApiException.unauthorized("x-api-key header is required");
        }
        ApiKeys.Authenticated known = apiKeys.authenticate(key).orElseThrow(() -> ApiException.unauthorized("The API key is not valid"));
        if (!known.scopes().canWrite() && !READS.contains(request.getMethod())) {
            throw new ApiException(403, "insufficient_scope", "This API key is read-only (scopes: read): it may only GET;"
                    + " use a key with scopes read,write to change anything", null);
        }
        caller.authenticatedAsStore(known.store(), known.keyPrefix(), known.scopes());
    }

    /** The one store endpoint a shopper may call, with the order's session token instead of a key. */
    public static boolean allowsShopper(ContainerRequestContext request) {
        return "PUT".equals(request.getMethod()) && request.getUriInfo().getPath().startsWith("/plugins/checkout/");
    }

    private static String bearer(ContainerRequestContext request) {
        return BearerToken.from(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    }

    private static boolean startsWithSegment(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
