package dev.confirma.checkout.rest;

import dev.confirma.checkout.PageLanguage;
import dev.confirma.checkout.PaymentPage;
import dev.confirma.checkout.PaymentPages;
import dev.confirma.checkout.ReturnLinks;
import dev.confirma.common.openapi.ApiDocumentation;
import dev.confirma.shopper.ShopperAccess;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The hosted page's JSON (CONTRACT §5): what the shopper may see of their order, by its session token. */
@Path("/public/orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocumentation.HOSTED_PAGE)
@SecurityRequirement(name = ApiDocumentation.SESSION_TOKEN)
@SecurityRequirement(name = ApiDocumentation.SESSION_BEARER)
public class PublicOrderResource {

    private final ShopperAccess shoppers;
    private final PaymentPages pages;

    PublicOrderResource(ShopperAccess shoppers, PaymentPages pages) {
        this.shoppers = shoppers;
        this.pages = pages;
    }

    @GET
    @Path("{orderId}")
    @Operation(summary = "The page's JSON", description = "What the shopper may see of their order: totals, the page's"
            + " `state`, countdown, quotes with chain ids, transactions with confirmations and explorer links, the return URLs."
            + " No delivery details, callback URL or store settings.")
    @APIResponse(responseCode = "200", description = "The order, as its shopper sees it")
    @APIResponse(responseCode = "401", description = "The session token is missing, malformed, expired or another order's.")
    @APIResponse(responseCode = "404", description = "The order does not exist.")
    @APIResponse(responseCode = "429", description = "Too many requests from this address.")
    public PublicOrderView get(@PathParam("orderId") String orderId, @QueryParam("sessionToken") String sessionToken,
                               @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        String token = ShopperAccess.token(sessionToken, authorization);
        PaymentPage page = pages.build(shoppers.order(orderId, token), PageLanguage.EN, token, Optional.empty(), ReturnLinks.NONE);
        return PublicOrderView.of(page);
    }
}
