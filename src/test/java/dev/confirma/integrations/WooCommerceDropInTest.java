package dev.confirma.integrations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.callback.CallbackWorker;
import dev.confirma.order.Order;
import dev.confirma.order.OrderStateMachine;
import dev.confirma.order.PaymentStatus;
import dev.confirma.rates.MarketRates;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.TestClockProducer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The WooCommerce drop-in ({@code integrations/woocommerce/confirma-cryptum-dropin.php}) in a
 * stand-in WordPress whose Cryptum Checkout plugin makes the stock plugin's requests to Cryptum's
 * own hosts, unedited: the drop-in sends them to this (real) Confirma on 127.0.0.1 and a random
 * port — which WordPress' safe-URL check refuses —, sends the shopper to Confirma's page, and lets
 * only callbacks signed with the store's webhook secret reach the plugin. Confirma's callbacks
 * are delivered for real to the shop's PHP server ({@link CallbackWorker#deliverDue}).
 */
@QuarkusTest
class WooCommerceDropInTest {

    @Inject
    CallbackWorker worker;

    @Inject
    MarketRates rates;

    @Inject
    OrderStateMachine stateMachine;

    private final List<WordPressStandIn> shops = new ArrayList<>();
    private TestStore store;
    private String confirma;

    @BeforeEach
    void storeAndPrices() {
        // the shop checks webhook-timestamp against its own clock: Confirma's must tell the same time
        TestClockProducer.clock().set(Instant.now());
        rates.refresh();
        store = Fixtures.createStore();
        confirma = "http://127.0.0.1:" + RestAssured.port;
    }

    @AfterEach
    void stopShops() {
        shops.forEach(WordPressStandIn::close);
    }

    @Test
    void shouldCreateTheCheckoutInConfirmaAndSendTheShopperToItsPageWhenTheStockPluginCallsCryptum() throws Exception {
        WordPressStandIn shop = shop(Map.of("CONFIRMA_URL", confirma));
        // what stops the stock plugin from reaching Confirma when its URL lines are edited instead
        JsonPath safeUrl = shop.run("safe-url", confirma + "/plugins/orders/checkout", "http://10.0.0.5/plugins/orders/checkout");
        assertEquals(List.of(true, true), safeUrl.getList("results.refused"));
        assertThat(safeUrl.getString("results[0].reason"), startsWith("port " + RestAssured.port + " is not 80, 443 or 8080"));
        assertThat(safeUrl.getString("results[1].reason"), startsWith("private or loopback address"));

        JsonPath firstSave = saveSettings(shop, "production", store.webhookSecret());
        // the stock plugin verifies the store id and key saved before this save: empty the first time
        assertThat(firstSave.getList("adminErrors"), hasItem(startsWith("Store not configured yet")));
        JsonPath secondSave = saveSettings(shop, "production", store.webhookSecret());
        assertThat(secondSave.getList("adminErrors"), empty());
        assertEquals(List.of(List.of("POST", confirma + "/plugins/stores/verification")), secondSave.getList("sent"));
        assertThat(secondSave.getList("fields"), hasItem("confirma_webhook_secret"));

        JsonPath checkout = checkout(shop, 1001, "49.90", "USD");
        assertEquals("success", checkout.getString("payment.result"), checkout.prettify());
        assertEquals(List.of(List.of("POST", confirma + "/plugins/orders/checkout")), checkout.getList("sent"));
        assertEquals("pending", checkout.getString("order.status"));
        assertEquals("reduced", checkout.getString("order.stock"));
        String redirect = checkout.getString("payment.redirect");
        assertThat(redirect, startsWith(confirma + "/public/payment-details/?cancelReturnUrl="));

        JsonPath order = store.asPlugin().get("/plugins/orders/" + queryValue(redirect, "orderId")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("1001", order.getString("ecommerceOrderId"));
        assertEquals("49.90", order.getString("orderTotal"));
        assertEquals("USD", order.getString("orderCurrency"));
        assertEquals("wordpress", order.getString("ecommerce"));
        assertEquals(shop.callbackUrl(), order.getString("callbackUrl"));
        assertEquals(shop.url() + "/checkout/order-received/1001/?key=" + checkout.getString("order.order_key"),
                order.getString("successReturnUrl"));
        assertEquals("Ana", order.getString("deliveryInfo.firstName"));

        // the shopper's browser follows the rewritten redirect, query and all, as the plugin built it
        String page = given().urlEncodingEnabled(false).get(redirect).then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        assertTrue(page.contains("Waiting for your payment"), page);
    }

    @Test
    void shouldMoveTheShopOrderOnHoldThenCancelledWhenConfirmaSignsItsCallbacks() throws Exception {
        WordPressStandIn shop = shop(Map.of("CONFIRMA_URL", confirma));
        saveSettingsTwice(shop, "production", store.webhookSecret());
        String redirect = checkout(shop, 2001, "20.00", "USD").getString("payment.redirect");
        String orderId = queryValue(redirect, "orderId");

        // the shopper pastes a transaction hash on Confirma's page, with the page's session token
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + queryValue(redirect, "sessionToken"))
                .body(Map.of("transactionHash", Fixtures.randomTxHash())).put("/plugins/checkout/" + orderId)
                .then().statusCode(200);
        worker.deliverDue();
        assertLastAttempt(orderId, 200, "Payment awaiting to complete", shop);
        assertEquals("on-hold", shopOrder(shop, 2001).getString("order.status"));

        store.asPlugin().body(Map.of("paymentStatus", "cancelled")).put("/plugins/checkout/" + orderId).then().statusCode(200);
        worker.deliverDue();
        assertLastAttempt(orderId, 200, "Cancelled payment", shop);
        JsonPath cancelled = shopOrder(shop, 2001);
        assertEquals("cancelled", cancelled.getString("order.status"));
        assertEquals("restored", cancelled.getString("order.stock"));
    }

    /*
     * The chain's verdict is given to the state machine here, as the watcher gives it: finding
     * payments on chain is the payment tests' subject; this one is what the shop does with the
     * callbacks that follow.
     */
    @Test
    void shouldMarkTheShopOrderPaidWhenConfirmaConfirmsThePaymentAndAcknowledgeTheCallbackWhenItComesAgain() throws Exception {
        WordPressStandIn shop = shop(Map.of("CONFIRMA_URL", confirma));
        saveSettingsTwice(shop, "production", store.webhookSecret());
        String orderId = checkedOut(shop, 7001);
        chainDecides(orderId, PaymentStatus.ON_HOLD);
        worker.deliverDue();
        assertEquals("on-hold", shopOrder(shop, 7001).getString("order.status"));
        chainDecides(orderId, PaymentStatus.CONFIRMED);
        worker.deliverDue();
        assertLastAttempt(orderId, 200, "Successful payment", shop);
        JsonPath paid = shopOrder(shop, 7001);
        assertEquals("processing", paid.getString("order.status"));
        assertTrue(paid.getString("order.date_paid") != null, "WooCommerce's payment completion dates the order");
        assertEquals("reduced", paid.getString("order.stock"));

        // delivery is at least once: the stock plugin would answer a repeated one 400, and Confirma retry it for days
        String confirmed = store.asPlugin().get("/plugins/orders/" + orderId + "/deliveries").then().extract().jsonPath()
                .getString("deliveries.find { it.event == 'order.confirmed' }.id");
        store.asPlugin().post("/plugins/orders/" + orderId + "/deliveries/" + confirmed + "/redeliver").then().statusCode(202);
        worker.deliverDue();
        assertLastAttempt(orderId, 200, "Order 7001 is already paid: nothing to change.", shop);
        assertEquals("processing", shopOrder(shop, 7001).getString("order.status"));
    }

    @Test
    void shouldAcknowledgeTheConfirmationWhenAnEarlierCallbackDeliveredLateAlreadyAppliedIt() throws Exception {
        WordPressStandIn shop = shop(Map.of("CONFIRMA_URL", confirma));
        saveSettingsTwice(shop, "production", store.webhookSecret());
        String orderId = checkedOut(shop, 7003);
        // the shop was unreachable while the payment was seen and confirmed: both callbacks wait
        chainDecides(orderId, PaymentStatus.ON_HOLD);
        chainDecides(orderId, PaymentStatus.CONFIRMED);
        worker.deliverDue();
        JsonPath deliveries = store.asPlugin().get("/plugins/orders/" + orderId + "/deliveries").then().extract().jsonPath();
        // the plugin acts on the order's current status: the on-hold callback already marks it paid
        assertEquals("Successful payment", JsonPath.from(deliveries.getString(
                "deliveries.find { it.event == 'order.on-hold' }.attempts[0].response")).getString("data.message"));
        assertEquals("delivered", deliveries.getString("deliveries.find { it.event == 'order.confirmed' }.state"));
        assertLastAttempt(orderId, 200, "Order 7003 is already paid: nothing to change.", shop);
        assertEquals("processing", shopOrder(shop, 7003).getString("order.status"));
    }

    @Test
    void shouldFailTheShopOrderAndRestoreItsStockWhenThePaymentFails() throws Exception {
        WordPressStandIn shop = shop(Map.of("CONFIRMA_URL", confirma));
        saveSettingsTwice(shop, "production", store.webhookSecret());
        String orderId = checkedOut(shop, 7002);
        chainDecides(orderId, PaymentStatus.ON_HOLD);
        chainDecides(orderId, PaymentStatus.FAILED);
        worker.deliverDue();
        assertLastAttempt(orderId, 200, "Payment failed", shop);
        JsonPath failed = shopOrder(shop, 7002);
        assertEquals("failed", failed.getString("order.status"));
        assertEquals("restored", failed.getString("order.stock"));
    }

    @Test
    void shouldRefuseCallbacksNotSignedWithTheStoresSecretBeforeThePluginSeesThem() throws Exception {
        WordPressStandIn shop = shop(Map.of("CONFIRMA_URL", confirma));
        saveSettingsTwice(shop, "production", store.webhookSecret());
        // a forger paid (here: closed) a cheap order of their own, and names the expensive one in the body
        String cheap = checkedOut(shop, 3001);
        checkedOut(shop, 3002);
        store.asPlugin().body(Map.of("paymentStatus", "cancelled")).put("/plugins/checkout/" + cheap).then().statusCode(200);
        String forged = "{\"orderId\":\"" + cheap + "\",\"ecommerceOrderId\":\"3002\",\"storeId\":\"" + store.id()
                + "\",\"paymentStatus\":\"cancelled\",\"message\":\"x\",\"transactions\":[],\"event\":\"order.cancelled\"}";
        long now = Instant.now().getEpochSecond();
        String secret = store.webhookSecret();

        Map<String, String> wrongStandardSignature = new LinkedHashMap<>(signed(secret, "msg_3", now, forged));
        wrongStandardSignature.put("webhook-signature", "v1," + hmac(secret, "msg_other." + now + "." + forged));
        Map<String, String> noId = new LinkedHashMap<>(signed(secret, "msg_4", now, forged));
        noId.remove("webhook-id");
        List<Map.Entry<String, Map<String, String>>> attempts = List.of(
                Map.entry("x-webhook-signature does not match the body", Map.of("x-api-key", store.apiKey())),
                Map.entry("x-webhook-signature does not match the body", signed("whsec_not-the-stores", "msg_1", now, forged)),
                Map.entry("webhook-timestamp is more than 300 seconds from this server's clock", signed(secret, "msg_2", now - 600, forged)),
                Map.entry("webhook-signature does not match", wrongStandardSignature),
                Map.entry("webhook-id or webhook-timestamp is missing", noId));
        for (Map.Entry<String, Map<String, String>> attempt : attempts) {
            HttpResponse<String> answer = shop.postCallback(attempt.getValue(), forged);
            assertEquals(401, answer.statusCode(), attempt.getKey() + ": " + answer.body() + shop.log());
            assertEquals("Callback refused: " + attempt.getKey() + ".", JsonPath.from(answer.body()).getString("message"));
        }
        // a body changed after signing
        Map<String, String> signedOther = signed(secret, "msg_5", now, forged.replace("3002", "3001"));
        assertEquals(401, shop.postCallback(signedOther, forged).statusCode());
        assertEquals("pending", shopOrder(shop, 3002).getString("order.status"), "no forged callback reached the plugin");

        // the same scheme, signed with the store's secret as Confirma signs, passes to the plugin
        String genuine = forged.replace("3002", "3001");
        HttpResponse<String> accepted = shop.postCallback(signed(secret, "msg_6", now, genuine), genuine);
        assertEquals(200, accepted.statusCode(), accepted.body() + shop.log());
        assertEquals("cancelled", shopOrder(shop, 3001).getString("order.status"));
        assertEquals("pending", shopOrder(shop, 3002).getString("order.status"));
    }

    @Test
    void shouldRefuseEveryCallbackUntilTheWebhookSecretIsPastedThenTakeConfirmasRetry() throws Exception {
        WordPressStandIn shop = shop(Map.of("CONFIRMA_URL", confirma));
        saveSettingsTwice(shop, "production", "");
        assertThat(shop.run("admin-notices").getString("html"), containsString("no webhook secret is configured, so every payment"
                + " callback is refused"));
        String orderId = checkedOut(shop, 4001);
        store.asPlugin().body(Map.of("transactionHash", Fixtures.randomTxHash())).put("/plugins/checkout/" + orderId)
                .then().statusCode(200);
        worker.deliverDue();
        assertLastAttempt(orderId, 401, "no webhook secret is configured on this shop", shop);
        assertEquals("pending", shopOrder(shop, 4001).getString("order.status"));

        saveSettingsTwice(shop, "production", store.webhookSecret());
        assertEquals("", shop.run("admin-notices").getString("html"));
        TestClockProducer.clock().advance(Duration.ofSeconds(76)); // the first retry: PT1M and up to 25 % jitter
        worker.deliverDue();
        assertLastAttempt(orderId, 200, "Payment awaiting to complete", shop);
        assertEquals("on-hold", shopOrder(shop, 4001).getString("order.status"));
    }

    @Test
    void shouldAnswerTheTestEnvironmentsHostsFromConfirmaToo() throws Exception {
        WordPressStandIn shop = shop(Map.of("CONFIRMA_URL", confirma + "/"));
        saveSettingsTwice(shop, "test", store.webhookSecret());
        JsonPath checkout = checkout(shop, 5001, "12.00", "BRL");
        String redirect = checkout.getString("payment.redirect");
        assertThat(redirect, startsWith(confirma + "/public/payment-details/?"));
        assertThat(redirect, containsString("&environment=test&"));
        assertEquals(List.of(List.of("POST", confirma + "/plugins/orders/checkout")), checkout.getList("sent"));
        String orderId = queryValue(redirect, "orderId");
        // the test host of the plugin's earlier releases, and production's
        for (String host : List.of("https://api-dev.cryptum.io", "https://api.cryptum.io")) {
            JsonPath read = shop.run("request", "GET", host + "/plugins/orders/" + orderId);
            assertEquals(200, read.getInt("code"), read.prettify());
            assertEquals("5001", JsonPath.from(read.getString("body")).getString("ecommerceOrderId"));
            assertEquals(List.of(List.of("GET", confirma + "/plugins/orders/" + orderId)), read.getList("sent"));
        }
    }

    @Test
    void shouldFailTheCheckoutWithoutReachingCryptumWhenConfirmaUrlIsNotUsable() throws Exception {
        WordPressStandIn shop = shop(Map.of("CONFIRMA_URL", "ftp://pay.example.com"));
        assertThat(shop.run("admin-notices").getString("html"), containsString("CONFIRMA_URL is not usable: it is not an http://"));
        JsonPath save = saveSettings(shop, "production", store.webhookSecret());
        assertThat(save.getList("adminErrors"), hasItem(startsWith("Store not configured yet")));
        assertThat(save.getList("sent"), empty());
        JsonPath checkout = checkout(shop, 6001, "10.00", "USD");
        assertEquals("error", checkout.getString("payment.result"));
        assertThat(checkout.getString("notices[0].message"), containsString("CONFIRMA_URL is not usable"));
        assertThat(checkout.getList("sent"), empty());
        assertEquals("checkout-draft", checkout.getString("order.status"));
    }

    @Test
    void shouldSayItIsIdleWhenConfirmaUrlIsNotSet() throws Exception {
        WordPressStandIn shop = shop(Map.of());
        assertThat(shop.run("admin-notices").getString("html"),
                containsString("CONFIRMA_URL is not set in wp-config.php: the Cryptum Checkout plugin still talks to Cryptum."));
    }

    private WordPressStandIn shop(Map<String, String> configuration) throws Exception {
        WordPressStandIn shop = WordPressStandIn.start(configuration);
        shops.add(shop);
        return shop;
    }

    private JsonPath saveSettings(WordPressStandIn shop, String environment, String secret) {
        return shop.run("save-settings", json(Map.of("enabled", "yes", "environment", environment, "storeId", store.id(),
                "apikey", store.apiKey(), "confirma_webhook_secret", secret)));
    }

    /** The stock plugin checks the store with the settings saved before: the second save checks these. */
    private void saveSettingsTwice(WordPressStandIn shop, String environment, String secret) {
        saveSettings(shop, environment, secret);
        assertThat(saveSettings(shop, environment, secret).getList("adminErrors"), empty());
    }

    private static JsonPath checkout(WordPressStandIn shop, int id, String total, String currency) {
        return shop.run("checkout", json(Map.of("id", id, "total", total, "currency", currency, "billing", Map.of(
                "first_name", "Ana", "last_name", "Lima", "email", "ana@example.com", "country", "BR",
                "city", "Recife", "postcode", "50000-000", "address_1", "Rua A, 1", "state", "PE"))));
    }

    /** Checks out shop order {@code id} and returns Confirma's order id. */
    private static String checkedOut(WordPressStandIn shop, int id) {
        JsonPath checkout = checkout(shop, id, "20.00", "USD");
        assertEquals("success", checkout.getString("payment.result"), checkout.prettify());
        return queryValue(checkout.getString("payment.redirect"), "orderId");
    }

    private static JsonPath shopOrder(WordPressStandIn shop, int id) {
        return shop.run("order", Integer.toString(id));
    }

    private void chainDecides(String orderId, PaymentStatus status) {
        QuarkusTransaction.requiringNew().run(() -> stateMachine.decidedByChain(Order.findById(orderId), status));
    }

    private void assertLastAttempt(String orderId, int status, String answer, WordPressStandIn shop) {
        JsonPath deliveries = store.asPlugin().get("/plugins/orders/" + orderId + "/deliveries").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> attempts = deliveries.getList("deliveries.attempts.flatten()");
        Map<String, Object> last = attempts.get(attempts.size() - 1);
        assertEquals(status, last.get("statusCode"), deliveries.prettify() + shop.log());
        assertThat(String.valueOf(last.get("response")), containsString(answer));
        assertEquals(shop.callbackUrl(), deliveries.getString("deliveries[-1].url"));
    }

    /** Both signature headers, computed here independently of Confirma's code, with the key a shop would check. */
    private Map<String, String> signed(String secret, String webhookId, long timestamp, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-api-key", store.apiKey());
        headers.put("x-webhook-signature", hmac(secret, body));
        headers.put("webhook-id", webhookId);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", "v1," + hmac(secret, webhookId + "." + timestamp + "." + body));
        return headers;
    }

    private static String hmac(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String queryValue(String url, String name) {
        for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new AssertionError(name + " not in " + url);
    }

    private static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
