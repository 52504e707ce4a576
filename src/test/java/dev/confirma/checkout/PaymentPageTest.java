package dev.confirma.checkout;

import static dev.confirma.support.Fixtures.checkout;
import static dev.confirma.support.Fixtures.postCheckout;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.chain.Protocol;
import dev.confirma.chain.watch.ChainWatcher;
import dev.confirma.order.OrderExpiry;
import dev.confirma.rates.MarketRates;
import dev.confirma.support.AnvilNodes;
import dev.confirma.support.CeloScene;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.TestChains;
import dev.confirma.support.TestClockProducer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hosted page as rendered by the server, for every state an order can be in and every
 * language, from real payments on the local Celo node (depth 10). The browser's side is
 * {@link PaymentPageBrowserTest}.
 */
@QuarkusTest
class PaymentPageTest {

    private static final List<String> LANGUAGES = List.of("en", "pt-BR", "es");

    @Inject
    ChainWatcher watcher;

    @Inject
    MarketRates rates;

    @Inject
    OrderExpiry expiry;

    private TestStore store;
    private String wallet;

    /** A checkout as the plugin got it: its id, session token and the page's path and query. */
    record Checkout(String id, String token, String page, JsonPath json) {

        BigInteger due(String asset) {
            return new BigInteger(json.getString("quotes.find { it.asset == '" + asset + "' }.amountBaseUnits"));
        }
    }

    @BeforeEach
    void storeAndCaughtUpWatcher() {
        wallet = Fixtures.randomAddress();
        store = CeloScene.caughtUpStore(watcher, rates, "Loja Página", wallet);
    }

    private Checkout newCheckout(Map<String, Object> changes, String... without) {
        Map<String, Object> body = new HashMap<>(checkout(store));
        body.putAll(changes);
        List.of(without).forEach(body::remove);
        JsonPath json = postCheckout(store, body).statusCode(200).extract().jsonPath();
        URI url = URI.create(json.getString("paymentUrl"));
        return new Checkout(json.getString("id"), json.getString("sessionToken"), url.getRawPath() + "?" + url.getRawQuery(), json);
    }

    private Checkout newCheckout() {
        return newCheckout(Map.of());
    }

    private static String page(Checkout checkout, String lang) {
        return given().get(checkout.page() + "&lang=" + lang).then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
    }

    private static String state(Checkout checkout) {
        return given().queryParam("sessionToken", checkout.token()).get("/public/orders/" + checkout.id())
                .then().statusCode(200).extract().path("state");
    }

    private void claim(Checkout checkout, String hash) {
        store.asPlugin().body(Map.of("transactionHash", hash)).put("/plugins/checkout/" + checkout.id()).then().statusCode(200);
    }

    @Test
    void shouldShowEveryStateInEveryLanguage() {
        Checkout waiting = newCheckout();
        Checkout seen = newCheckout();
        Checkout confirmed = newCheckout();
        Checkout shortPaid = newCheckout();
        Checkout failed = newCheckout();
        Checkout cancelled = newCheckout();

        String paid = AnvilNodes.CELO.payToken("USDC", wallet, confirmed.due("USDC"));
        claim(confirmed, paid);
        // half: a due amount less one unit would be another open order's own amount at this address
        BigInteger half = shortPaid.due("USDC").divide(BigInteger.TWO);
        claim(shortPaid, AnvilNodes.CELO.payToken("USDC", wallet, half));
        String elsewhere = Fixtures.randomAddress();
        Fixtures.createStore(Map.of("name", "Another shop", "wallets", List.of(Map.of("protocol", "CELO", "address", elsewhere))));
        claim(failed, AnvilNodes.CELO.payToken("USDC", elsewhere, failed.due("USDC"))); // paid another shop
        AnvilNodes.CELO.mine(10);
        watcher.poll(TestChains.CELO);
        claim(seen, AnvilNodes.CELO.payToken("USDC", wallet, seen.due("USDC")));
        watcher.poll(TestChains.CELO);
        store.asPlugin().body(Map.of("paymentStatus", "cancelled")).put("/plugins/checkout/" + cancelled.id()).then().statusCode(200);

        Map<Checkout, Map<String, String>> expected = new LinkedHashMap<>();
        expected.put(waiting, Map.of("en", "Waiting for your payment", "pt-BR", "Aguardando seu pagamento", "es", "Esperando tu pago"));
        expected.put(seen, Map.of("en", "1 of 10 confirmations", "pt-BR", "1 de 10 confirmações", "es", "1 de 10 confirmaciones"));
        expected.put(confirmed, Map.of("en", "Payment confirmed", "pt-BR", "Pagamento confirmado", "es", "Pago confirmado"));
        String received = new java.math.BigDecimal(half, 6).stripTrailingZeros().toPlainString();
        String missing = new java.math.BigDecimal(shortPaid.due("USDC").subtract(half), 6).stripTrailingZeros().toPlainString();
        expected.put(shortPaid, Map.of("en", "We received " + received + " USDC; " + missing + " USDC is missing",
                "pt-BR", "Recebemos " + received + " USDC; faltam " + missing + " USDC",
                "es", "Recibimos " + received + " USDC; faltan " + missing + " USDC"));
        expected.put(failed, Map.of("en", "Payment not accepted", "pt-BR", "Pagamento não aceito", "es", "Pago no aceptado"));
        expected.put(cancelled, Map.of("en", "This order was cancelled", "pt-BR", "Este pedido foi cancelado", "es", "Este pedido fue cancelado"));
        assertEquals(List.of("waiting", "seen", "confirmed", "short", "failed", "cancelled"),
                expected.keySet().stream().map(PaymentPageTest::state).toList());
        expected.forEach((checkout, texts) -> LANGUAGES.forEach(lang -> {
            String html = page(checkout, lang);
            assertTrue(html.contains(texts.get(lang)), lang + " page of a " + state(checkout) + " order should say " + texts.get(lang));
            assertTrue(html.contains("<html lang=\"" + lang + "\">"), html);
        }));

        String confirmedPage = page(confirmed, "en");
        assertTrue(confirmedPage.contains("href=\"https://celoscan.io/tx/" + paid + "\""), "links the paying transaction");
        assertTrue(confirmedPage.contains("href=\"https://shop.example/thanks\""), "links back to the shop's success URL");
        assertFalse(confirmedPage.contains("id=\"payment\""), "a paid order asks for no payment");
        assertTrue(page(shortPaid, "en").contains("href=\"https://shop.example/cancel\""));

        TestClockProducer.clock().advance(Duration.ofMinutes(16));
        expiry.cancelExpired();
        assertEquals("expired", state(waiting));
        Map<String, String> expiredTexts = Map.of("en", "This payment request has expired", "pt-BR", "Este pedido de pagamento expirou",
                "es", "Esta solicitud de pago expiró");
        LANGUAGES.forEach(lang -> {
            String html = page(waiting, lang);
            assertTrue(html.contains(expiredTexts.get(lang)), lang + ": " + html);
            assertTrue(html.contains("href=\"https://shop.example/cancel\""), "an expired order links back to the shop");
            assertTrue(html.contains("id=\"hash-form\""), "a hash is still taken in the late-payment window");
        });
    }

    @Test
    void shouldShowTheAmountAddressQrCodeAndCountdownOfEveryQuote() {
        Checkout checkout = newCheckout();
        String html = page(checkout, "en");
        for (String asset : List.of("CELO", "cUSD", "USDC")) {
            String amount = checkout.json().getString("quotes.find { it.asset == '" + asset + "' }.amount");
            assertTrue(html.matches("(?s).*id=\"quote-CELO-" + asset + "\".*?<code class=\"amount\">" + Pattern.quote(amount) + "</code>.*"), asset);
            assertTrue(html.contains("aria-describedby=\"amount-label-CELO-" + asset + "\""), "each copy button says what it copies");
            assertTrue(html.contains("id=\"qr-caption-CELO-" + asset + "\""), asset);
        }
        assertTrue(html.contains(wallet), "the pay-to address");
        assertTrue(html.contains("<time id=\"countdown\" role=\"timer\" datetime=\"PT900S\">15:00</time>"), "15 minutes to pay");
        assertEquals(3, html.split("<svg ").length - 1, "a QR code per quote");
        assertTrue(html.contains("data-quote=\"CELO-CELO\" data-protocol=\"CELO\""), "the first quote is shown first");
    }

    @Test
    void shouldNameMentosDollarByItsNewBrandAndKeepItsTickerForWalletsAndTheApi() {
        Checkout checkout = newCheckout();
        assertEquals("cUSD", checkout.json().getString("quotes.find { it.contract == '" + AnvilNodes.CELO.token("cUSD") + "' }.asset"),
                "plugins keep the symbol they know");
        String html = page(checkout, "en");
        assertTrue(html.contains("<h2>USDm (cUSD) on Celo</h2>"), html);
        assertTrue(html.contains("data-quote=\"CELO-cUSD\">USDm (cUSD) on Celo</a>"), "the asset choice");
        assertTrue(html.matches("(?s).*id=\"quote-CELO-cUSD\".*?<span class=\"unit\">USDm \\(cUSD\\)</span>.*"), "the amount's unit");
        assertTrue(html.contains("Scan with your wallet app to pay 12.5 USDm (cUSD) on Celo"), "the QR code's caption");
        assertTrue(html.contains("data-asset=\"cUSD\""), "the wallet button and the claim send the API's symbol");
        assertTrue(html.contains("<h2>CELO on Celo</h2>"), "an asset without a display name is named by its symbol");
        assertTrue(page(checkout, "pt-BR").contains("<h2>USDm (cUSD) na rede Celo</h2>"));
        assertTrue(page(checkout, "es").contains("<h2>USDm (cUSD) en Celo</h2>"));
        given().queryParam("sessionToken", checkout.token()).get("/public/orders/" + checkout.id()).then().statusCode(200)
                .body("quotes.find { it.asset == 'cUSD' }.assetName", equalTo("USDm (cUSD)"))
                .body("quotes.find { it.asset == 'CELO' }.assetName", equalTo("CELO"));

        claim(checkout, AnvilNodes.CELO.payToken("cUSD", wallet, checkout.due("cUSD")));
        watcher.poll(TestChains.CELO);
        assertTrue(page(checkout, "en").contains(" · 12.5 USDm (cUSD) · pending"), "the payment, in the transactions list");
        given().queryParam("sessionToken", checkout.token()).get("/public/orders/" + checkout.id()).then()
                .body("transactions[0].asset", equalTo("cUSD"))
                .body("transactions[0].assetName", equalTo("USDm (cUSD)"));
    }

    @Test
    void shouldShowTheQuoteTheShopperPicked() {
        Checkout checkout = newCheckout();
        String html = given().get(checkout.page() + "&quote=CELO-USDC").then().statusCode(200).extract().asString();
        assertTrue(html.contains("<a href=\"" + "/pay/" + checkout.id()), html);
        assertTrue(html.matches("(?s).*data-quote=\"CELO-USDC\" aria-current=\"true\".*"), "the picked asset is marked");
        assertTrue(html.matches("(?s).*id=\"quote-CELO-CELO\"[^>]*hidden>.*"), "the others are hidden");
        assertFalse(html.matches("(?s).*id=\"quote-CELO-USDC\"[^>]*hidden>.*"), "the picked one is shown");
    }

    @Test
    void shouldServeThePageAtTheQueryACryptumPluginBuilds() {
        Checkout checkout = newCheckout(Map.of(), "successReturnUrl", "cancelReturnUrl");
        for (String path : List.of("/public/payment-details/", "/public/payment-details")) {
            String html = given().queryParam("orderId", checkout.id()).queryParam("sessionToken", checkout.token())
                    .queryParam("successReturnUrl", "https://shop.example/ok").queryParam("cancelReturnUrl", "javascript:alert(1)")
                    .queryParam("callbackUrl", "https://shop.example/wc-api/cryptumcheckout").queryParam("ecommerceOrderId", "1001")
                    .queryParam("environment", "production")
                    .get(path).then().statusCode(200).contentType(containsString("text/html")).extract().asString();
            assertTrue(html.contains("Waiting for your payment"), path);
        }
        store.asPlugin().body(Map.of("paymentStatus", "cancelled")).put("/plugins/checkout/" + checkout.id()).then().statusCode(200);
        Map<String, String> cancelLinks = new LinkedHashMap<>();
        cancelLinks.put("https://shop.example/back", "href=\"https://shop.example/back\"");
        cancelLinks.put("javascript:alert(1)", null);
        cancelLinks.put("https://phishing.example/shop.example/back", null); // only the shop's own host
        cancelLinks.forEach((link, expected) -> {
            String html = given().queryParam("orderId", checkout.id()).queryParam("sessionToken", checkout.token())
                    .queryParam("cancelReturnUrl", link).get("/public/payment-details/")
                    .then().statusCode(200).extract().asString();
            assertTrue(html.contains("This order was cancelled"), html);
            if (expected == null) {
                assertFalse(html.contains("id=\"cancel-link\""), link + " must not be offered: " + html);
            } else {
                assertTrue(html.contains(expected), "the query's return link serves when the order has none");
                assertTrue(html.contains("cancelReturnUrl=https%3A%2F%2Fshop.example%2Fback"), "the page's own links keep it");
            }
        });
    }

    @Test
    void shouldPreferTheOrdersOwnReturnLinksToTheQuerys() {
        Checkout checkout = newCheckout();
        store.asPlugin().body(Map.of("paymentStatus", "cancelled")).put("/plugins/checkout/" + checkout.id()).then().statusCode(200);
        String html = given().queryParam("orderId", checkout.id()).queryParam("sessionToken", checkout.token())
                .queryParam("cancelReturnUrl", "https://elsewhere.example/").get("/public/payment-details/")
                .then().statusCode(200).extract().asString();
        assertTrue(html.contains("href=\"https://shop.example/cancel\""));
        assertFalse(html.contains("elsewhere.example"));
    }

    @Test
    void shouldRefuseABadSessionWithAPageThatSaysWhy() {
        Checkout checkout = newCheckout();
        Checkout other = newCheckout();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("/pay/" + checkout.id(), "The link is incomplete");
        cases.put("/pay/" + checkout.id() + "?sessionToken=not-a-token", "The link has expired or is not valid");
        cases.put("/pay/" + checkout.id() + "?sessionToken=" + other.token(), "This link belongs to another order");
        cases.put("/public/payment-details/?orderId=" + checkout.id() + "&sessionToken=" + checkout.token().substring(0, 40),
                "The link has expired or is not valid");
        cases.forEach((path, reason) -> {
            String html = given().get(path).then().statusCode(401).contentType(containsString("text/html"))
                    .header("Content-Security-Policy", containsString("default-src 'none'"))
                    .extract().asString();
            assertTrue(html.contains(reason), path + ": " + html);
            assertFalse(html.contains("Exception") || html.contains("dev.confirma"), "no trace reaches a shopper");
        });
        given().header("Accept-Language", "pt-BR,pt;q=0.9").get("/pay/" + checkout.id() + "?sessionToken=x")
                .then().statusCode(401).body(containsString("O link expirou ou não é válido"));
        given().get("/pay/" + checkout.id() + "/status?sessionToken=" + other.token()).then().statusCode(401)
                .body(containsString("This link belongs to another order"));
    }

    @Test
    void shouldAnswerThePagesJsonOnlyWithTheOrdersToken() {
        Checkout checkout = newCheckout();
        Checkout other = newCheckout();
        given().header("Authorization", "Bearer " + checkout.token()).get("/public/orders/" + checkout.id())
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("id", equalTo(checkout.id()))
                .body("storeName", equalTo("Loja Página"))
                .body("orderTotal", equalTo("12.50"))
                .body("orderCurrency", equalTo("USD"))
                .body("paymentStatus", equalTo("pending"))
                .body("state", equalTo("waiting"))
                .body("secondsLeft", equalTo(900))
                .body("quotes[0].chainId", equalTo(42220))
                .body("quotes.find { it.asset == 'USDC' }.amountBaseUnits", equalTo(checkout.due("USDC").toString()))
                .body("deliveryInfo", nullValue())
                .body("callbackUrl", nullValue());
        given().get("/public/orders/" + checkout.id()).then().statusCode(401)
                .contentType(containsString("application/json"))
                .body("status", equalTo("failed")).body("error.code", equalTo("unauthorized"))
                .body("message", equalTo("The order's sessionToken is required"));
        given().queryParam("sessionToken", other.token()).get("/public/orders/" + checkout.id()).then().statusCode(401)
                .body("message", equalTo("The sessionToken is not for this order"));
        given().queryParam("sessionToken", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.").get("/public/orders/" + checkout.id())
                .then().statusCode(401).body("message", equalTo("The sessionToken is invalid or expired"));
    }

    @Test
    void shouldLetTheShopperAttachAHashWithTheSessionTokenOnly() {
        Checkout checkout = newCheckout();
        String hash = Fixtures.randomTxHash();
        given().header("Authorization", "Bearer " + checkout.token()).contentType("application/json")
                .body(Map.of("transactionHash", hash)).put("/plugins/checkout/" + checkout.id())
                .then().statusCode(200).body("paymentStatus", equalTo("on-hold"));
        given().queryParam("sessionToken", checkout.token()).get("/public/orders/" + checkout.id()).then().statusCode(200)
                .body("state", equalTo("seen"))
                .body("transactions[0].hash", equalTo(hash))
                .body("transactions[0].status", equalTo("unverified"))
                .body("progress.verified", equalTo(false));
        assertTrue(page(checkout, "en").contains("Looking for your transaction on the chain"));
    }

    @Test
    void shouldEscapeEverythingThatComesFromTheOrder() {
        TestStore hostile = Fixtures.createStore(Map.of("name", "<script>alert('store')</script> & \"Co\"",
                "wallets", List.of(Map.of("protocol", "CELO", "address", Fixtures.randomAddress()))));
        Map<String, Object> body = new HashMap<>(checkout(hostile));
        body.put("ecommerceOrderId", "\"><img src=x onerror=alert(1)>");
        JsonPath json = postCheckout(hostile, body).statusCode(200).extract().jsonPath();
        String html = given().queryParam("sessionToken", json.getString("sessionToken")).get("/pay/" + json.getString("id"))
                .then().statusCode(200).extract().asString();
        assertFalse(html.contains("<script>alert"), "store name escaped");
        assertFalse(html.contains("<img src=x"), "order number escaped");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;store&#39;)&lt;/script&gt; &amp; &quot;Co&quot;"), html);
        assertTrue(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), html);
    }

    @Test
    void shouldSendSecurityHeadersAndLoadNothingFromElsewhere() {
        Checkout checkout = newCheckout();
        Response response = given().get(checkout.page());
        response.then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
        String html = response.asString();
        assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//(?!shop\\.example).*"), "every asset is Confirma's own");
        assertFalse(html.matches("(?s).*<script(?![^>]*\\bsrc=\"/assets/)[^>]*>.*"), "no inline script");
        assertFalse(html.matches("(?s).*(<style|\\sstyle=|\\son[a-z]+=).*"), "no inline style or handler");
        given().get("/assets/pay.js").then().statusCode(200).contentType(containsString("javascript"))
                .header("X-Content-Type-Options", "nosniff");
        given().get("/assets/pay.css").then().statusCode(200).contentType(containsString("text/css"));
    }

    @Test
    void shouldRenderTheStatusRegionAloneForThePagesScript() {
        Checkout checkout = newCheckout();
        String fragment = given().header("Authorization", "Bearer " + checkout.token())
                .get("/pay/" + checkout.id() + "/status?lang=es").then().statusCode(200).extract().asString().trim();
        assertTrue(fragment.startsWith("<section id=\"status\""), fragment);
        assertTrue(fragment.contains("Esperando tu pago"));
        assertFalse(fragment.contains("<html"));
    }

    @Test
    void shouldChooseTheLanguageFromTheQueryThenTheBrowser() {
        Checkout checkout = newCheckout();
        Map<String, String> byHeader = Map.of(
                "pt-BR,pt;q=0.9,en;q=0.8", "lang=\"pt-BR\"",
                "pt", "lang=\"pt-BR\"",
                "es-MX,es;q=0.9", "lang=\"es\"",
                "fr-FR,fr;q=0.9,es;q=0.5", "lang=\"es\"",
                "de-DE", "lang=\"en\"",
                "fr, pt;q=0", "lang=\"en\"",
                "not a ;; header", "lang=\"en\"");
        byHeader.forEach((header, lang) -> given().header("Accept-Language", header).get(checkout.page())
                .then().statusCode(200).body(containsString("<html " + lang + ">")));
        given().header("Accept-Language", "pt-BR").get(checkout.page() + "&lang=es").then().statusCode(200)
                .body(containsString("<html lang=\"es\">"));
        given().get(checkout.page() + "&lang=xx").then().statusCode(200).body(containsString("<html lang=\"en\">"));
    }

    @Test
    void shouldFormatTheOrderTotalForTheShoppersLanguage() {
        Checkout checkout = newCheckout(Map.of("orderTotal", "1234.50", "orderCurrency", "BRL"));
        assertTrue(page(checkout, "pt-BR").contains("R$\u00a01.234,50"), page(checkout, "pt-BR"));
        assertTrue(page(checkout, "en").contains("R$1,234.50"), page(checkout, "en"));
    }

    @Test
    void shouldServeTheQrCodeOfThePaymentUri() {
        Checkout checkout = newCheckout();
        String html = given().get(checkout.page() + "&quote=CELO-USDC").then().statusCode(200).extract().asString();
        String uri = checkout.json().getString("quotes.find { it.asset == 'USDC' }.paymentUri");
        int start = html.indexOf("<svg ", html.indexOf("id=\"quote-CELO-USDC\""));
        String svg = html.substring(start, html.indexOf("</svg>", start) + 6);
        assertEquals(uri, QrCodeTest.decode(svg));
        assertThat(svg, startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\""));
    }

    private static <T> void assertThat(T actual, org.hamcrest.Matcher<? super T> matcher) {
        org.hamcrest.MatcherAssert.assertThat(actual, matcher);
    }
}
