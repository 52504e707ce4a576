package dev.confirma.support;

import static dev.confirma.support.Generator.between;
import static dev.confirma.support.Generator.just;
import static dev.confirma.support.Generator.listOf;
import static dev.confirma.support.Generator.of;
import static dev.confirma.support.Generator.oneOf;
import static dev.confirma.support.Generator.text;
import static dev.confirma.support.Generator.w;
import static dev.confirma.support.Generator.weighted;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Generated HTTP requests to every endpoint: mostly a valid request with a few fields changed
 * to wrong types, huge and tiny numbers and Unicode edge cases; also broken JSON, invalid
 * UTF-8, deep and oversize bodies, wrong content types, methods, credentials and query values.
 * JSON is written as text here, so that what Jackson would never write ({@code 1e2147483648},
 * {@code "\ud800"}) can be sent.
 */
public final class GeneratedRequests implements Generator<GeneratedRequests.Request> {

    /** The ids and credentials the requests aim at; the victim store is the one the operator's requests may change. */
    public record Scene(String storeId, String apiKey, String victimStoreId, String orderId, String sessionToken,
                        String otherStoresOrderId, String deliveryId, String adminToken) {
    }

    /** One request; {@code body} null sends none. */
    public record Request(String method, String path, Map<String, String> headers, byte[] body) {
        public String describe() {
            String text = body == null ? "(none)" : new String(body, StandardCharsets.UTF_8);
            String shown = text.length() > 600 ? text.substring(0, 600) + "… (" + body.length + " bytes)" : text;
            return method + " " + path + " " + headers + " body: " + shown;
        }
    }

    private enum Auth { OPERATOR, STORE, STORE_BEARER, SHOPPER, NONE }

    private enum Escaping { PLAIN, ALL, RAW_CONTROLS }

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD");
    private static final List<String> SHOP_ORDER_IDS = List.of("gen-1", "gen-2", "gen-3");
    private static final int BODY_LIMIT = 64 * 1024;

    private final Scene scene;
    private final String claimedHash = Fixtures.randomTxHash();
    private final Generator<Request> requests;

    public GeneratedRequests(Scene scene) {
        this.scene = scene;
        this.requests = weighted(
                w(12, bodyRequest("POST", just("/plugins/orders/checkout"), just(Auth.STORE), json(checkoutBody()))),
                w(8, bodyRequest("PUT", update(), of(Auth.STORE, Auth.SHOPPER), json(updateBody()))),
                w(5, bodyRequest("POST", just("/admin/stores"), just(Auth.OPERATOR), json(storeBody()))),
                w(4, bodyRequest("PATCH", storeIds().map(id -> "/admin/stores/" + id), just(Auth.OPERATOR), json(patchBody()))),
                w(4, bodyRequest("POST", just("/plugins/stores/verification"), just(Auth.STORE), json(verificationBody()))),
                w(7, request("GET", listOrders(), just(Auth.STORE))),
                w(6, reads()),
                w(3, request("GET", adminDeliveries(), just(Auth.OPERATOR))),
                w(5, shopperPages()),
                w(2, storeChanges()),
                w(2, redeliveries()),
                w(2, anyMethodAnyPath()),
                w(8, bodyRequest("POST", just("/v1/orders"), of(Auth.STORE_BEARER, Auth.STORE), json(v1OrderBody()))),
                w(4, request("GET", v1ListOrders(), of(Auth.STORE_BEARER, Auth.STORE))),
                w(6, bodyRequest("POST", v1Action(), just(Auth.STORE_BEARER), json(v1ActionBody()))),
                w(2, bodyRequest("POST", of("/v1/orders/bulk", "/v1/orders/bulk/pay"), just(Auth.STORE_BEARER), json(v1BulkBody()))),
                w(2, request("GET", orderIds().map(id -> "/v1/orders/" + id), of(Auth.STORE_BEARER, Auth.NONE))),
                w(3, bodyRequest("POST", just("/v1/webhooks"), just(Auth.STORE_BEARER), json(v1WebhookBody()))),
                w(2, bodyRequest("PATCH", of("/v1/webhooks/wh_none", "/v1/webhooks/" + "x".repeat(60)), just(Auth.STORE_BEARER),
                        json(v1WebhookBody()))),
                w(1, request("POST", of("/v1/webhooks/wh_none/ping", "/v1/webhooks//ping"), just(Auth.STORE_BEARER))),
                w(3, bodyRequest("PUT", just("/v1/fraud/rules"), just(Auth.STORE_BEARER), json(v1FraudBody()))),
                w(3, request("GET", v1Analytics(), of(Auth.STORE_BEARER, Auth.NONE))),
                w(2, request("GET", v1Reports(), just(Auth.STORE_BEARER))),
                w(2, request("GET", v1Customers(), just(Auth.STORE_BEARER))),
                w(1, request("DELETE", v1Customers(), just(Auth.STORE_BEARER))));
    }

    // --- the merchant API ---------------------------------------------------------------------

    private Generator<String> v1OrderBody() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("currency", quote("USD"));
        body.put("items", "[{\"sku\":\"A-1\",\"quantity\":2,\"unit_price\":\"5.25\"},{\"sku\":\"B\",\"quantity\":1,\"unit_price\":1}]");
        body.put("tax", quote("1.00"));
        body.put("customer_id", quote("cus_gen"));
        return mutated(just(body), List.of("shipping", "shipping_address", "metadata", "callback_url", "expires_in", "client_ip"), 3);
    }

    private Generator<String> v1WebhookBody() {
        Map<String, String> body = new LinkedHashMap<>();
        // a closed local port: a delivery another test sends fails at once, with no DNS
        body.put("url", quote("http://127.0.0.1:9/hooks"));
        body.put("events", "[\"order.paid\",\"order.shipped\"]");
        body.put("headers", "{\"X-Token\":\"abc\"}");
        body.put("enabled", "true");
        return mutated(just(body), List.of("url", "events", "headers", "enabled", "description"), 3);
    }

    private Generator<String> v1FraudBody() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("threshold", "50");
        body.put("orders_per_email_per_hour", "{\"max\":3,\"score\":50}");
        body.put("amount_above", "{\"limits\":{\"USD\":\"1000.00\"},\"score\":30}");
        body.put("countries", "{\"codes\":[\"NG\"],\"score\":20}");
        return mutated(just(body), List.of("threshold", "orders_per_email_per_hour", "orders_per_client_ip_per_hour", "amount_above",
                "countries"), 3);
    }

    private Generator<String> v1Analytics() {
        return query("/v1/analytics/orders", List.of(
                param("start_date", oneOf(of("2026-01-01", "2026-13-01", "yesterday"), dateValue())),
                param("end_date", oneOf(of("2026-03-31", "2025-01-01", "2099-12-31"), dateValue())),
                param("group_by", oneOf(of("day", "week", "month", "year", "DAY"), queryValue()))));
    }

    private Generator<String> v1Reports() {
        Generator<String> report = of("/v1/reports/orders.csv", "/v1/reports/payments.csv", "/v1/reports/refunds.csv");
        return random -> query(report.next(random), List.of(
                param("status", oneOf(of("PAID", "paid,shipped", "LOST"), queryValue())),
                param("created_after", dateValue()),
                param("customer_id", oneOf(just("cus_gen"), queryValue())),
                param("limit", of("1", "x")))).next(random);
    }

    private Generator<String> v1Customers() {
        Generator<String> id = oneOf(of("cus_gen", "ana@example.com", "x".repeat(300), "%00", "nobody"), queryValue());
        return random -> "/v1/customers/" + id.next(random) + of("", "/export", "/export/x").next(random);
    }

    private Generator<String> v1ListOrders() {
        return query("/v1/orders", List.of(
                param("customer_id", oneOf(just("cus_gen"), queryValue())),
                param("status", oneOf(of("CREATED", "paid,shipped", "LOST", ",,"), queryValue())),
                param("created_after", dateValue()),
                param("created_before", dateValue()),
                param("amount_min", oneOf(of("0", "10.5", "-1", "1e3"), queryValue())),
                param("amount_max", oneOf(of("100", "0.01", "x"), queryValue())),
                param("limit", oneOf(of("1", "100", "101", "0"), queryValue())),
                param("offset", oneOf(of("0", "5", "-1", "2147483648"), queryValue()))));
    }

    private Generator<String> v1Action() {
        Generator<String> action = of("fulfill", "ship", "deliver", "hold", "release", "cancel", "return", "dispute", "resolve", "pay",
                "refund", "teleport");
        return random -> "/v1/orders/" + orderIds().next(random) + "/" + action.next(random);
    }

    private Generator<String> v1ActionBody() {
        Generator<Map<String, String>> base = of(
                Map.of("reason", quote("generated")),
                Map.of("carrier", quote("DHL"), "tracking_number", quote("JD1")),
                Map.of("outcome", quote("reinstated")),
                Map.of("transaction_hash", quote(claimedHash), "chain", quote("CELO"), "asset", quote("cUSD")),
                Map.of("amount", quote("1.00"), "asset", quote("cUSD"), "to_address", quote(Fixtures.CELO_WALLET)));
        return mutated(base, List.of("reason", "outcome", "transaction_hash", "amount"), 2);
    }

    private Generator<String> v1BulkBody() {
        Generator<String> item = oneOf(v1OrderBody(), orderIds().map(id -> "{\"order_id\":" + quote(id) + "}"), jsonValue(1));
        return random -> "{\"orders\":[" + String.join(",", listOf(item, 4).next(random)) + "]}";
    }

    @Override
    public Request next(Random random) {
        return requests.next(random);
    }

    // --- endpoints ------------------------------------------------------------------------

    private Generator<Request> bodyRequest(String method, Generator<String> path, Generator<Auth> auth, Generator<byte[]> body) {
        return random -> new Request(methodOr(method).next(random), path.next(random), headers(auth.next(random), true).next(random),
                body.next(random));
    }

    private Generator<Request> request(String method, Generator<String> path, Generator<Auth> auth) {
        return random -> new Request(methodOr(method).next(random), path.next(random), headers(auth.next(random), false).next(random),
                noBodyMostly().next(random));
    }

    private Generator<String> update() {
        Generator<String> sessionQuery = weighted(w(3, just("")), w(3, just("?sessionToken=" + scene.sessionToken())),
                w(1, queryValue().map(v -> "?sessionToken=" + v)));
        return random -> "/plugins/checkout/" + orderIds().next(random) + sessionQuery.next(random);
    }

    private Generator<String> listOrders() {
        List<Generator<String>> params = List.of(
                param("storeId", oneOf(just(scene.storeId()), queryValue())),
                param("limit", oneOf(of("1", "100", "101", "0", "-1", "2147483648", "1e2", "%205%20"), queryValue())),
                param("offset", oneOf(of("0", "99999999", "-1", "9223372036854775808"), queryValue())),
                param("paymentStatus", oneOf(of("pending", "on-hold,confirmed", "PENDING", ",,"), queryValue())),
                param("startDate", dateValue()),
                param("endDate", dateValue()),
                param("withCount", oneOf(of("true", "false", "yes"), queryValue())),
                param("withTotal", oneOf(of("true", "false", "1"), queryValue())));
        return query("/plugins/orders", params);
    }

    private Generator<Request> reads() {
        return oneOf(
                request("GET", orderIds().map(id -> "/plugins/orders/" + id), just(Auth.STORE)),
                request("GET", orderIds().map(id -> "/plugins/orders/" + id + "/deliveries"), just(Auth.STORE)),
                request("GET", just("/v1/rates"), of(Auth.STORE, Auth.STORE_BEARER)),
                request("GET", oneOf(of("/admin/chains", "/admin/stores", "/admin/stores/" + scene.storeId()),
                        storeIds().map(id -> "/admin/stores/" + id)), just(Auth.OPERATOR)));
    }

    private Generator<String> adminDeliveries() {
        return query("/admin/deliveries", List.of(
                param("state", oneOf(of("pending", "delivered", "dead", "DEAD", "gone"), queryValue())),
                param("limit", oneOf(of("1", "100", "101", "0", "2147483648"), queryValue())),
                param("offset", oneOf(of("0", "2147483647", "-1"), queryValue()))));
    }

    private Generator<Request> shopperPages() {
        Generator<String> token = weighted(w(6, just(scene.sessionToken())), w(1, queryValue()));
        Generator<String> extras = query("", List.of(
                param("lang", oneOf(of("pt-BR", "es", "xx", "en;q=0"), queryValue())),
                param("quote", oneOf(of("CELO:CELO", "ETHEREUM:ETH", "0", "-1"), queryValue())),
                param("successReturnUrl", oneOf(of("https://shop.example/thanks", "javascript:alert(1)"), queryValue())),
                param("cancelReturnUrl", queryValue()))).map(q -> q.isEmpty() ? "" : "&" + q.substring(1));
        Generator<String> path = random -> {
            String id = orderIds().next(random);
            String tail = "sessionToken=" + token.next(random) + extras.next(random);
            return switch (random.nextInt(4)) {
                case 0 -> "/public/orders/" + id + "?" + tail;
                case 1 -> "/pay/" + id + "?" + tail;
                case 2 -> "/pay/" + id + "/status?" + tail;
                default -> "/public/payment-details/?orderId=" + id + "&" + tail;
            };
        };
        Generator<String> language = oneOf(of("pt-BR,pt;q=0.9", "*", "es-419", ";;;", "en;q=2"), printableHeader());
        return random -> {
            Map<String, String> headers = headers(Auth.NONE, false).next(random);
            headers.put("Accept-Language", language.next(random));
            return new Request(methodOr("GET").next(random), path.next(random), headers, noBodyMostly().next(random));
        };
    }

    private Generator<Request> storeChanges() {
        Generator<String> method = weighted(w(3, just("DELETE")), w(3, just("POST")), w(1, of(METHODS)));
        Generator<String> path = random -> "/admin/stores/" + storeIds().next(random) + of("", "/api-keys").next(random);
        return random -> new Request(method.next(random), path.next(random), headers(Auth.OPERATOR, false).next(random),
                noBodyMostly().next(random));
    }

    private Generator<Request> redeliveries() {
        Generator<String> delivery = oneOf(just(scene.deliveryId()), idValue());
        return oneOf(
                request("POST", random -> "/plugins/orders/" + orderIds().next(random) + "/deliveries/" + delivery.next(random) + "/redeliver",
                        just(Auth.STORE)),
                request("POST", delivery.map(d -> "/admin/deliveries/" + d + "/redeliver"), just(Auth.OPERATOR)));
    }

    private Generator<Request> anyMethodAnyPath() {
        Generator<String> path = oneOf(
                of("/", "/admin", "/plugins", "/v1", "/v1/orders", "/public", "/pay", "/plugins/orders/checkout/x",
                        "/admin/stores/" + scene.storeId() + "/api-keys/x", "/q/health", "/plugins//orders", "/%2e%2e/admin/stores"),
                idValue().map(id -> "/" + id));
        return random -> new Request(of(METHODS).next(random), path.next(random), headers(of(Auth.values()).next(random), true).next(random),
                json(oneOf(jsonValue(3), just(""))).next(random));
    }

    // --- bodies ---------------------------------------------------------------------------

    private Generator<String> checkoutBody() {
        Map<String, String> delivery = new LinkedHashMap<>();
        delivery.put("firstName", quote("Ana"));
        delivery.put("lastName", quote("Lima"));
        delivery.put("email", quote("ana@example.com"));
        delivery.put("country", quote("BR"));
        delivery.put("address", quote("Rua A, 1"));
        Generator<String> deliveryInfo = mutated(just(delivery), List.of("city", "zip", "complement", "state"), 2);
        Generator<Map<String, String>> base = random -> {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("store", quote(scene.storeId()));
            body.put("ecommerceType", quote("wordpress"));
            body.put("ecommerceOrderId", quote(of(SHOP_ORDER_IDS).next(random)));
            body.put("orderTotal", quote("12.50"));
            body.put("orderCurrency", quote("USD"));
            body.put("callbackUrl", quote("https://shop.example/wc-api/cryptumcheckout"));
            body.put("deliveryInfo", deliveryInfo.next(random));
            return body;
        };
        return mutated(base, List.of("paymentStatus", "successReturnUrl", "cancelReturnUrl"), 3);
    }

    private Generator<String> updateBody() {
        Generator<Map<String, String>> base = of(
                Map.of("transactionHash", quote(claimedHash), "blockchain", quote("CELO"), "paymentMethod", quote("cUSD")),
                Map.of("paymentStatus", quote("on-hold")),
                Map.of("convertedTotal", "12.5", "paymentMethod", quote("CELO")));
        return mutated(base, List.of("transactionHash", "paymentStatus", "convertedTotal", "blockchain"), 3);
    }

    private Generator<String> storeBody() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("name", quote("Generated shop"));
        body.put("wallets", "[{\"protocol\":\"CELO\",\"address\":\"" + Fixtures.CELO_WALLET + "\"}]");
        body.put("markupPercentage", "1.5");
        return mutated(just(body), List.of("discountPercentage", "acceptedAssets"), 3);
    }

    private Generator<String> patchBody() {
        return mutated(just(Map.of("name", quote("Renamed shop"))),
                List.of("markupPercentage", "discountPercentage", "acceptedAssets", "wallets"), 3);
    }

    private Generator<String> verificationBody() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("storeId", quote(scene.storeId()));
        body.put("plugin", quote("checkout"));
        body.put("ecommerceType", quote("wordpress"));
        return mutated(just(body), List.of(), 2);
    }

    /** {@code base} (field → JSON text) as a JSON object after up to {@code most} changes: a field set to any value, removed, or added. */
    private Generator<String> mutated(Generator<? extends Map<String, String>> base, List<String> extraFields, int most) {
        return random -> {
            Map<String, String> body = new LinkedHashMap<>(base.next(random));
            List<String> fields = new ArrayList<>(body.keySet());
            fields.addAll(extraFields);
            fields.add("unknownField");
            int changes = weighted(w(2, just(0)), w(5, just(1)), w(3, between(2, most))).next(random);
            for (int i = 0; i < changes; i++) {
                String field = of(fields).next(random);
                if (random.nextInt(6) == 0) {
                    body.remove(field);
                } else {
                    body.put(field, jsonValue(2).next(random));
                }
            }
            return body.entrySet().stream().map(e -> quote(e.getKey()) + ":" + e.getValue()).collect(Collectors.joining(",", "{", "}"));
        };
    }

    /** A body in the given shape, mostly; sometimes one broken in a way JSON readers disagree on. */
    private Generator<byte[]> json(Generator<String> valid) {
        return weighted(
                w(70, valid.map(GeneratedRequests::utf8)),
                w(6, oneOf(jsonValue(3), text(Generator.anyChar(), 0, 80)).map(GeneratedRequests::utf8)),
                w(5, random -> {
                    String text = valid.next(random);
                    return utf8(text.substring(0, random.nextInt(text.length() + 1)));
                }),
                w(5, random -> utf8(valid.next(random) + oneOf(jsonValue(1), of("xyz", ",", "}", "\u0000", " \n")).next(random))),
                w(6, random -> splice(utf8(valid.next(random)), random.nextDouble(), invalidUtf8().next(random))),
                w(3, random -> {
                    int depth = between(10, 5000).next(random);
                    boolean arrays = random.nextBoolean();
                    return utf8((arrays ? "[" : "{\"a\":").repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth));
                }),
                w(1, random -> {
                    String text = valid.next(random);
                    int size = between(BODY_LIMIT - 200, 3 * BODY_LIMIT).next(random);
                    String pad = "{\"pad\":\"" + "x".repeat(Math.max(0, size - text.length())) + "\"";
                    return utf8(text.isEmpty() ? pad + "}" : pad + ",\"rest\":" + text + "}");
                }),
                w(3, of(new byte[0], utf8(" "), utf8("null"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'})),
                w(1, just((byte[]) null)));
    }

    private Generator<byte[]> noBodyMostly() {
        return weighted(w(9, just((byte[]) null)), w(1, json(jsonValue(2))));
    }

    // --- JSON values ----------------------------------------------------------------------

    /** Any JSON value as text, nested up to {@code depth} levels, with the numbers and strings below. */
    private Generator<String> jsonValue(int depth) {
        Generator<String> leaf = weighted(w(4, numbers()), w(5, strings()), w(1, of("true", "false", "null")));
        if (depth == 0) {
            return leaf;
        }
        Generator<String> inner = jsonValue(depth - 1);
        return weighted(
                w(6, leaf),
                w(1, listOf(inner, 4).map(items -> "[" + String.join(",", items) + "]")),
                w(1, listOf((Generator<String>) random -> strings().next(random) + ":" + inner.next(random), 3)
                        .map(fields -> "{" + String.join(",", fields) + "}")));
    }

    private static Generator<String> numbers() {
        return weighted(
                w(3, random -> String.valueOf(random.nextInt())),
                w(2, random -> String.valueOf(random.nextLong())),
                w(2, Generator.bigIntegers(400).map(String::valueOf)),
                w(3, Generator.bigDecimals(200, 40).map(d -> d.toPlainString())),
                w(3, random -> between(-9, 9).next(random) + "e" + random.nextInt()),
                w(3, of("1e2147483648", "1e-2147483649", "1E+400", "1e101", "1e100", "-1e-101", "-0", "0.0", "1e-7", "12.50",
                        "0.000000000000000001", "0.0000000000000000001", "1000000000.01", "9".repeat(400), "9".repeat(1200),
                        "1." + "0".repeat(300) + "1", "NaN", "Infinity", "-Infinity", "01", ".5", "5.", "1e", "+1", "0x10", "1_000")));
    }

    /** A JSON string literal: values the fields want, edge cases, and random text, escaped in one of several ways. */
    private Generator<String> strings() {
        Generator<String> texts = weighted(
                w(3, text(Generator.anyChar(), 0, 24)),
                w(1, text(Generator.charsIn('a', 'z'), 100, 3000)),
                w(3, of("", " ", "USD", "brl", "cusd", "CELO", "ETHEREUM", "ETH", "XXX", "on-hold", "confirmed", "cancelled",
                        "pending", "failed", "checkout", "wordpress", "ana@example.com", "https://shop.example/cb",
                        "http://127.0.0.1/cb", "http://[::1]/cb", "javascript:alert(1)", "12.50", "1e3", "-1",
                        Fixtures.CELO_WALLET, Fixtures.CELO_WALLET.toLowerCase(), "0x" + "0".repeat(40), scene.storeId(),
                        scene.victimStoreId(), claimedHash, "0x" + "g".repeat(64))),
                w(3, of("\u0000", "a\u0000b", "\u0007", "\u001b[31m", "\u007f", "\u0085", "\u009f", "\ud800", "x\udfff",
                        "\udc00\ud800", "\ud83d\ude00", "\ufeff", "\ufffe", "\uffff", "\u202e", "e\u0301", "\u2028", "tab\there",
                        "line\nbreak", "\r\n", "<script>", "' OR 1=1 --", "%00", "\\", "\"")));
        return random -> quote(texts.next(random), of(Escaping.values()).next(random));
    }

    private static String quote(String text) {
        return quote(text, Escaping.PLAIN);
    }

    /**
     * {@code text} as a JSON string literal. Lone surrogates are always escaped (written raw
     * they would turn into "?" on the way to UTF-8); RAW_CONTROLS writes control characters
     * unescaped, which JSON forbids.
     */
    private static String quote(String text, Escaping escaping) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (pair && escaping != Escaping.ALL) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c) || escaping == Escaping.ALL || (c < 0x20 && escaping == Escaping.PLAIN)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static Generator<byte[]> invalidUtf8() {
        return of(
                new byte[] {(byte) 0xC0, (byte) 0xBC}, new byte[] {(byte) 0xC1, (byte) 0xBF},
                new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xBC}, new byte[] {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0xBC},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xED, (byte) 0xBF, (byte) 0xBF},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xFE},
                new byte[] {(byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xC3}, new byte[] {0});
    }

    // --- headers, credentials, query values -----------------------------------------------

    private Generator<Map<String, String>> headers(Auth auth, boolean withBody) {
        Generator<Map<String, String>> credentials = weighted(
                w(17, just(credentials(auth))),
                w(1, just(Map.of())),
                w(1, of(Auth.values()).map(this::credentials)),
                w(1, printableHeader().map(junk -> Map.of("x-api-key", junk, "Authorization", "Bearer " + junk))));
        Generator<String> idempotencyKey = weighted(w(8, just(null)), w(1, of("k-1", "k-2")), w(1, printableHeader()));
        return random -> {
            Map<String, String> headers = new LinkedHashMap<>(credentials.next(random));
            if (withBody) {
                contentType().next(random).ifPresent(type -> headers.put("Content-Type", type));
            }
            String key = idempotencyKey.next(random);
            if (key != null) {
                headers.put("Idempotency-Key", key);
            }
            return headers;
        };
    }

    private Map<String, String> credentials(Auth auth) {
        return switch (auth) {
            case OPERATOR -> Map.of("Authorization", "Bearer " + scene.adminToken());
            case STORE -> Map.of("x-api-key", scene.apiKey());
            case STORE_BEARER -> Map.of("Authorization", "Bearer " + scene.apiKey());
            case SHOPPER -> Map.of("Authorization", "Bearer " + scene.sessionToken());
            case NONE -> Map.of();
        };
    }

    /** A Content-Type, or none. */
    private static Generator<Optional<String>> contentType() {
        Generator<String> type = weighted(
                w(40, just("application/json")),
                w(2, of("application/json; charset=utf-8", "APPLICATION/JSON", "application/json;charset=\"UTF-8\"")),
                w(3, of("*/*", "application/*", "", "text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/json; charset=iso-8859-1", "application/json; charset=utf-16",
                        "a/b/c", "application/json;;;", "json", "application/merge-patch+json", "application/vnd.api+json")),
                w(2, printableHeader()),
                w(2, just(null)));
        return type.map(Optional::ofNullable);
    }

    /** Visible ASCII and spaces, which an HTTP client lets through as a header value. */
    private static Generator<String> printableHeader() {
        return text(Generator.charsIn(' ', '~'), 0, 60).map(String::trim);
    }

    private Generator<String> orderIds() {
        return weighted(w(6, just(scene.orderId())), w(1, just(scene.otherStoresOrderId())), w(2, idValue()));
    }

    /** Stores the operator's requests may change: never the one the plugin requests use. */
    private Generator<String> storeIds() {
        return weighted(w(4, just(scene.victimStoreId())), w(2, idValue()));
    }

    /** A path segment: random text percent-encoded, or encodings of what must never reach a lookup. */
    private static Generator<String> idValue() {
        return oneOf(
                text(Generator.anyChar(), 1, 40).map(GeneratedRequests::encoded),
                of("%00", "a%00b", "%C0%BC", "%ED%A0%80", "%FF", "%0A", "%E2%80%AE", "..", "%2F", "1", "-1",
                        "99999999999999999999", "x".repeat(2000)));
    }

    private static Generator<String> queryValue() {
        return oneOf(
                text(Generator.anyChar(), 0, 40).map(GeneratedRequests::encoded),
                of("", "%00", "%C0%BC", "%ED%A0%80", "%FF", "%0D%0A", "1e2147483648", "%2B999999999-12-31", "null", "x".repeat(2000)));
    }

    private static Generator<String> dateValue() {
        return oneOf(
                of("2026-01-01", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00%2B18:00", "%2B999999999-12-31", "-999999999-01-01",
                        "0000-01-01", "0001-01-01", "9999-12-31", "%2B10000-01-01", "2026-02-30", "2026-13-01",
                        "2026-01-01T25:00:00Z", "9999-12-31T23:59:59-18:00", "0001-01-01T00:00:00%2B18:00",
                        "%2B999999999-12-31T23:59:59.999999999-18:00", "1e9", "yesterday"),
                random -> encoded(String.format("%+05d-%02d-01", between(-999_999_999, 999_999_999).next(random), between(1, 12).next(random))),
                queryValue());
    }

    private static Generator<String> param(String name, Generator<String> value) {
        return random -> random.nextBoolean() ? "" : name + "=" + value.next(random);
    }

    private static Generator<String> query(String path, List<Generator<String>> params) {
        return random -> {
            String joined = params.stream().map(p -> p.next(random)).filter(p -> !p.isEmpty()).collect(Collectors.joining("&"));
            return joined.isEmpty() ? path : path + "?" + joined;
        };
    }

    private static Generator<String> methodOr(String method) {
        return weighted(w(19, just(method)), w(1, of(METHODS)));
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static byte[] splice(byte[] text, double at, byte[] inserted) {
        int position = (int) (text.length * at);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(text, 0, position);
        out.writeBytes(inserted);
        out.write(text, position, text.length - position);
        return out.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
