package dev.confirma.plugin;

import dev.confirma.common.error.ApiException;
import dev.confirma.shopper.ShopperAccess;
import dev.confirma.store.Caller;
import dev.confirma.store.rest.AccessFilters;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * {@code PUT /plugins/checkout/{orderId}} without a store key: checks the shopper's session
 * token against the order before the body is read, so an anonymous caller learns nothing
 * from how its body is judged. Runs after {@link AccessFilters}, which let the request pass.
 */
public class ShopperUpdateAccess {

    private final Caller caller;
    private final ShopperAccess shoppers;

    ShopperUpdateAccess(Caller caller, ShopperAccess shoppers) {
        this.caller = caller;
        this.shoppers = shoppers;
    }

    @ServerRequestFilter(priority = Priorities.USER + 1)
    public void authenticateShopper(ContainerRequestContext request) {
        if (!AccessFilters.allowsShopper(request) || caller.storeIfAny().isPresent()) {
            return;
        }
        String orderId = request.getUriInfo().getPathParameters().getFirst("orderId");
        String token = ShopperAccess.token(request.getUriInfo().getQueryParameters().getFirst("sessionToken"),
                request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (token == null) {
            throw ApiException.unauthorized("x-api-key header or the order's sessionToken is required");
        }
        shoppers.requireToken(orderId, token);
        caller.authenticatedAsShopper(orderId);
    }
}
