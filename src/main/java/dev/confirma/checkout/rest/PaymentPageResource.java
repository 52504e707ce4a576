package dev.confirma.checkout.rest;

import dev.confirma.checkout.PageLanguage;
import dev.confirma.checkout.PaymentPage;
import dev.confirma.checkout.PaymentPages;
import dev.confirma.checkout.ReturnLinks;
import dev.confirma.common.openapi.ApiDocumentation;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The hosted payment page (CONTRACT §5): the short form {@code /pay/{orderId}}, the query a
 * Cryptum plugin builds, and the status fragment the page swaps in as the order changes.
 * Authorised by the order's session token only; a bad one gets a page that says so.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@Tag(name = ApiDocumentation.HOSTED_PAGE)
@SecurityRequirement(name = ApiDocumentation.SESSION_TOKEN)
@APIResponse(responseCode = "401", description = "A page, in the shopper's language, saying the link's session token is"
        + " missing, malformed, expired or another order's.", content = @Content(mediaType = MediaType.TEXT_HTML,
        schema = @Schema(type = SchemaType.STRING)))
@APIResponse(responseCode = "404", description = "A page saying the order does not exist.",
        content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
@APIResponse(responseCode = "429", description = "Too many requests from this address (JSON).")
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
    @Operation(summary = "The hosted payment page", description = "The checkout's `paymentUrl`: the order's quotes (asset and"
            + " chain), amount and address with copy buttons, QR code of the EIP-681 URI, countdown, live status, pay with a"
            + " browser wallet, paste a hash, and the return links. English, Portuguese or Spanish.")
    @APIResponse(responseCode = "200", description = "The page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public String pay(@PathParam("orderId") String orderId, @QueryParam("sessionToken") String sessionToken,
                                @QueryParam("quote") @Parameter(description = "The quote to show first, as PROTOCOL-ASSET: CELO-cUSD")
                                String quote,
                                @QueryParam("lang") @Parameter(description = "en, pt-BR or es; wins over Accept-Language") String lang,
                                @QueryParam("successReturnUrl") String successReturnUrl,
                                @QueryParam("cancelReturnUrl") String cancelReturnUrl,
                                @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return render(orderId, sessionToken, quote, PageLanguage.choose(lang, acceptLanguage),
                ReturnLinks.fromQuery(successReturnUrl, cancelReturnUrl));
    }

    /** The URL a Cryptum plugin sends the shopper to; its return URLs serve only where the order has none (see ReturnLinks). */
    @GET
    @Path("public/payment-details")
    @Operation(summary = "The hosted page, by the URL a Cryptum plugin builds", description = "The same page as"
            + " `/pay/{orderId}`. The plugin's other query parameters (`callbackUrl`, `ecommerceOrderId`, `environment`) are"
            + " ignored; the return URLs serve only where the order has none, and only on its callbackUrl's host.")
    @APIResponse(responseCode = "200", description = "The page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
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
    @SecurityRequirement(name = ApiDocumentation.SESSION_TOKEN)
    @SecurityRequirement(name = ApiDocumentation.SESSION_BEARER)
    @Operation(summary = "The page's status region", description = "The HTML fragment the page's script swaps in when the"
            + " order changes: waiting, payment seen with its confirmations, confirmed, short, expired, cancelled.")
    @APIResponse(responseCode = "200", description = "The status region",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
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
