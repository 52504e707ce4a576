package dev.confirma.checkout.rest;

import dev.confirma.checkout.PageLanguage;
import dev.confirma.checkout.PaymentPage;
import dev.confirma.checkout.PaymentPages;
import dev.confirma.checkout.ReturnLinks;
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

/** The hosted page's JSON (CONTRACT §5): what the shopper may see of their order, by its session token. */
@Path("/public/orders")
@Produces(MediaType.APPLICATION_JSON)
public class PublicOrderResource {

    private final ShopperAccess shoppers;
    private final PaymentPages pages;

    PublicOrderResource(ShopperAccess shoppers, PaymentPages pages) {
        this.shoppers = shoppers;
        this.pages = pages;
    }

    @GET
    @Path("{orderId}")
    public PublicOrderView get(@PathParam("orderId") String orderId, @QueryParam("sessionToken") String sessionToken,
                               @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        String token = ShopperAccess.token(sessionToken, authorization);
        PaymentPage page = pages.build(shoppers.order(orderId, token), PageLanguage.EN, token, Optional.empty(), ReturnLinks.NONE);
        return PublicOrderView.of(page);
    }
}
