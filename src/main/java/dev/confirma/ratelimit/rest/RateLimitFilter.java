package dev.confirma.ratelimit.rest;

import dev.confirma.common.BearerToken;
import dev.confirma.common.ClientAddress;
import dev.confirma.common.error.RateLimitedException;
import dev.confirma.ratelimit.RateLimits;
import dev.confirma.store.Caller;
import dev.confirma.store.OperatorToken;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Limits checkout creation per store and the shopper-facing endpoints per client address,
 * before the body is read. Runs after the store is authenticated (a key that fails is refused
 * there, uncounted). The client address is the connection's, or the forwarded one when the
 * operator turned on {@code quarkus.http.proxy.*} forwarding: Quarkus rewrites it before this runs.
 */
public class RateLimitFilter {

    /** Paths (POST) that create orders: the plugin's checkout and the Orders API's create and bulk. */
    private static final Set<String> CHECKOUTS = Set.of("/plugins/orders/checkout", "/v1/orders", "/v1/orders/bulk");

    private final RateLimits limits;
    private final Caller caller;
    private final OperatorToken operatorToken;

    RateLimitFilter(RateLimits limits, Caller caller, OperatorToken operatorToken) {
        this.limits = limits;
        this.caller = caller;
        this.operatorToken = operatorToken;
    }

    @ServerRequestFilter(priority = Priorities.USER + 10)
    public void limit(ContainerRequestContext request, HttpServerRequest connection) {
        if (!limits.enabled()) {
            return;
        }
        String path = trimmed(request.getUriInfo().getPath());
        String method = request.getMethod();
        if ("POST".equals(method) && CHECKOUTS.contains(path)) {
            Optional<String> store = caller.storeIfAny().map(s -> s.id);
            if (store.isPresent()) {
                limits.checkout(store.get()).ifPresent(wait -> refuse("checkouts for this store", wait));
            }
        } else if (isShopperFacing(path, method) && !byOperator(request)) {
            String address = address(connection);
            limits.publicRequest(address).ifPresent(wait -> refuse("requests from this address", wait));
        }
    }

    /** The hosted page and its JSON, and a shopper's hash submission (no store key: the session token). */
    private boolean isShopperFacing(String path, String method) {
        if (path.startsWith("/public/") || path.equals("/public") || path.startsWith("/pay/")) {
            return true;
        }
        return "PUT".equals(method) && path.startsWith("/plugins/checkout/") && caller.storeIfAny().isEmpty();
    }

    private boolean byOperator(ContainerRequestContext request) {
        String token = BearerToken.from(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        return token != null && operatorToken.matches(token);
    }

    private static String address(HttpServerRequest connection) {
        String host = connection.remoteAddress() == null ? null : connection.remoteAddress().hostAddress();
        // one spelling per address, so ::1 and 0:0:0:0:0:0:0:1 share a window
        return host == null ? "unknown" : ClientAddress.canonical(host).orElse(host);
    }

    private static void refuse(String what, Duration wait) {
        throw new RateLimitedException(what, wait);
    }

    private static String trimmed(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
