package dev.confirma.checkout.rest;

import dev.confirma.checkout.PageLanguage;
import dev.confirma.checkout.PaymentPage;
import dev.confirma.checkout.PaymentPages;
import dev.confirma.checkout.ReturnLinks;
import dev.confirma.order.Order;
import dev.confirma.shopper.ShopperAccess;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The hosted payment page (CONTRACT §5): the short form {@code /pay/{orderId}}, the query a
 * Cryptum plugin builds, and the status fragment the page swaps in as the order changes.
 * Authorised by the order's session token only; a bad one gets a page that says so.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class PaymentPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(PaymentPage page);

        static native TemplateInstance page$status(PaymentPage page);

        static native TemplateInstance unavailable(PageLanguage language, ShopperAccess.Denied.Reason reason);
    }

    private final ShopperAccess shoppers;
    private final PaymentPages pages;

    PaymentPageResource(ShopperAccess shoppers, PaymentPages pages) {
        this.shoppers = shoppers;
        this.pages = pages;
    }

    @GET
    @Path("pay/{orderId}")
    public String pay(@PathParam("orderId") String orderId, @QueryParam("sessionToken") String sessionToken,
                                @QueryParam("quote") String quote, @QueryParam("lang") String lang,
                                @QueryParam("successReturnUrl") String successReturnUrl,
                                @QueryParam("cancelReturnUrl") String cancelReturnUrl,
                                @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return render(orderId, sessionToken, quote, PageLanguage.choose(lang, acceptLanguage),
                ReturnLinks.fromQuery(successReturnUrl, cancelReturnUrl));
    }

    /** The URL a Cryptum plugin sends the shopper to; its return URLs serve only where the order has none (see ReturnLinks). */
    @GET
    @Path("public/payment-details")
    public String paymentDetails(@QueryParam("orderId") String orderId, @QueryParam("sessionToken") String sessionToken,
                                           @QueryParam("successReturnUrl") String successReturnUrl,
                                           @QueryParam("cancelReturnUrl") String cancelReturnUrl,
                                           @QueryParam("quote") String quote, @QueryParam("lang") String lang,
                                           @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return render(orderId == null ? "" : orderId.trim(), sessionToken, quote, PageLanguage.choose(lang, acceptLanguage),
                ReturnLinks.fromQuery(successReturnUrl, cancelReturnUrl));
    }

    /** The page's status region alone, for the page's script (token as Bearer or query). */
    @GET
    @Path("pay/{orderId}/status")
    public String status(@PathParam("orderId") String orderId, @QueryParam("sessionToken") String sessionToken,
                                   @QueryParam("lang") String lang, @QueryParam("successReturnUrl") String successReturnUrl,
                                   @QueryParam("cancelReturnUrl") String cancelReturnUrl,
                                   @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                   @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        String token = ShopperAccess.token(sessionToken, authorization);
        PageLanguage language = PageLanguage.choose(lang, acceptLanguage);
        Order order = shoppers.order(orderId, token);
        return Templates.page$status(pages.build(order, language, token, Optional.empty(),
                ReturnLinks.fromQuery(successReturnUrl, cancelReturnUrl))).setLocale(language.locale()).render();
    }

    /*
     * Rendered here rather than returned as a TemplateInstance: the REST layer's template filter
     * would parse Accept-Language itself and answer 400 to a header it cannot parse, where the
     * page should simply fall back to English (PageLanguage).
     */
    private String render(String orderId, String token, String quote, PageLanguage language, ReturnLinks returnLinks) {
        Order order = shoppers.order(orderId, token);
        return Templates.page(pages.build(order, language, token, Optional.ofNullable(quote), returnLinks))
                .setLocale(language.locale()).render();
    }

    /** Applies to this resource only: a shopper gets a page in their language, never JSON or a trace. */
    @ServerExceptionMapper
    public Response denied(ShopperAccess.Denied denied, UriInfo uri, HttpHeaders headers) {
        PageLanguage language = PageLanguage.choose(uri.getQueryParameters().getFirst("lang"),
                headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        String html = Templates.unavailable(language, denied.reason()).setLocale(language.locale()).render();
        return Response.status(denied.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }
}
