package dev.confirma.reporting;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.order.LifecycleStatus;
import dev.confirma.support.DatabaseSnapshot;
import dev.confirma.support.Fixtures;
import dev.confirma.support.MerchantOrders;
import dev.confirma.support.ReportRows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CSV reports parsed back with a strict RFC 4180 reader, against the orders the v1 API shows. */
@QuarkusTest
class V1ReportsTest {

    @Inject
    EntityManager em;

    private static List<Map<String, String>> csv(Response response) {
        List<List<String>> rows = Rfc4180.parse(new String(response.asByteArray(), StandardCharsets.UTF_8));
        List<Map<String, String>> records = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            assertEquals(rows.get(0).size(), row.size(), "every row has the header's width");
            Map<String, String> record = new HashMap<>();
            for (int i = 0; i < row.size(); i++) {
                record.put(rows.get(0).get(i), row.get(i));
            }
            records.add(record);
        }
        return records;
    }

    @Test
    void shouldExportEveryOrderAsTheApiShowsItWithFormulaCellsNeutralised() {
        Fixtures.TestStore store = Fixtures.createStore();
        Map<String, Object> hostile = MerchantOrders.body();
        hostile.put("customer_id", "=HYPERLINK(\"http://evil.example\",\"click\")");
        hostile.put("shipping_address", Map.of("first_name", "@SUM(A1:A9)", "last_name", "+cmd|' /C calc'!A0", "line1", "Rua A, 1",
                "city", "Recife", "postal_code", "50000-000", "country", "BR"));
        List<String> ids = List.of(MerchantOrders.create(store), MerchantOrders.create(store, hostile), MerchantOrders.create(store));
        MerchantOrders.force(ids.get(2), LifecycleStatus.SHIPPED, null, em);

        Response response = store.asMerchant().get("/v1/reports/orders.csv");
        response.then().statusCode(200)
                .header("Content-Type", equalTo("text/csv; charset=utf-8"))
                .header("Content-Disposition", equalTo("attachment; filename=\"orders.csv\""));
        List<Map<String, String>> rows = csv(response);
        // every order, oldest first, then by id (the test clock may give them one instant)
        assertEquals(new java.util.HashSet<>(ids), rows.stream().map(r -> r.get("id")).collect(java.util.stream.Collectors.toSet()));
        assertEquals(rows.stream().sorted(java.util.Comparator.comparing((Map<String, String> r) -> Instant.parse(r.get("created_at")))
                .thenComparing(r -> r.get("id"))).toList(), rows);
        for (Map<String, String> row : rows) {
            JsonPath order = store.asMerchant().get("/v1/orders/" + row.get("id")).then().statusCode(200).extract().jsonPath();
            assertEquals(order.getString("status").toLowerCase(), row.get("status"));
            assertEquals(order.getString("payment.status"), row.get("payment_status"));
            assertEquals(Instant.parse(order.getString("created_at")), Instant.parse(row.get("created_at")));
            assertEquals(order.getString("currency"), row.get("currency"));
            for (String[] pair : new String[][]{{"subtotal", "subtotal"}, {"tax", "tax"}, {"shipping_amount", "shipping"}, {"total", "total"}}) {
                assertEquals(0, new BigDecimal(order.getString(pair[0])).compareTo(new BigDecimal(row.get(pair[1]))), pair[1]);
            }
            String customer = order.getString("customer_id");
            assertEquals(customer.startsWith("=") ? "'" + customer : customer, row.get("customer_id"));
        }
        Map<String, Map<String, String>> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.get("id"), r));
        Map<String, String> bad = byId.get(ids.get(1));
        assertEquals("'=HYPERLINK(\"http://evil.example\",\"click\")", bad.get("customer_id"));
        assertEquals("'@SUM(A1:A9)", bad.get("first_name"));
        assertEquals("'+cmd|' /C calc'!A0", bad.get("last_name"));
        assertEquals("30.75", byId.get(ids.get(2)).get("amount_paid"));
        assertEquals("0.00", byId.get(ids.get(0)).get("amount_paid"));

        // the list's filters: the paid order alone, the hostile customer alone
        assertEquals(List.of(ids.get(2)), csv(store.asMerchant().queryParam("status", "SHIPPED").get("/v1/reports/orders.csv"))
                .stream().map(r -> r.get("id")).toList());
        assertEquals(List.of(ids.get(1)), csv(store.asMerchant().queryParam("customer_id", hostile.get("customer_id"))
                .get("/v1/reports/orders.csv")).stream().map(r -> r.get("id")).toList());
        // another store sees none of them
        assertEquals(0, csv(Fixtures.createStore().asMerchant().get("/v1/reports/orders.csv")).size());
    }

    @Test
    void shouldShowRefundsAndNetPaidInTheOrdersRow() {
        Fixtures.TestStore store = Fixtures.createStore();
        ReportRows.Row paid = ReportRows.Row.of(store.id(), Instant.parse("2026-05-01T10:00:00Z"), "USD", "40.00", "CONFIRMED", "DELIVERED");
        ReportRows.insert(List.of(paid));
        ReportRows.insertRefunds(List.of(new ReportRows.RefundRow(paid.id(), store.id(), BigInteger.valueOf(1000), BigInteger.valueOf(250),
                "VERIFIED"), new ReportRows.RefundRow(paid.id(), store.id(), BigInteger.valueOf(1000), BigInteger.valueOf(500), "PENDING")));
        Map<String, String> row = csv(store.asMerchant().get("/v1/reports/orders.csv")).get(0);
        assertEquals("40.00", row.get("amount_paid"));
        assertEquals("10.00", row.get("refunded"));
        assertEquals("30.00", row.get("net_paid"));
        assertEquals("confirmed", row.get("payment_status"));
        assertEquals("delivered", row.get("status"));
    }

    @Test
    void shouldExportEachPaymentWithItsRateAndFiatValue() throws Exception {
        Fixtures.TestStore store = Fixtures.createStore();
        String orderId = MerchantOrders.create(store);
        String hash = Fixtures.randomTxHash();
        BigInteger baseUnits;
        BigDecimal units;
        try (Connection c = ReportRows.connection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT q.amount_base_units, r.units FROM order_quotes q JOIN order_market_rates r"
                    + " ON r.order_id = q.order_id AND r.symbol = q.asset WHERE q.order_id = ? AND q.protocol = 'CELO' AND q.asset = 'cUSD'")) {
                s.setString(1, orderId);
                try (ResultSet rows = s.executeQuery()) {
                    assertTrue(rows.next(), "the order is quoted in cUSD on Celo");
                    baseUnits = rows.getBigDecimal(1).toBigIntegerExact();
                    units = rows.getBigDecimal(2);
                }
            }
            String transfer = UUID.randomUUID().toString();
            OffsetDateTime blockTime = OffsetDateTime.of(2026, 5, 2, 12, 0, 0, 0, ZoneOffset.UTC);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO chain_transfers (id, chain, tx_hash, log_index, block_number, block_hash,"
                    + " block_time, asset, from_address, to_address, amount_base_units, succeeded, removed, amount_checked, seen_at)"
                    + " VALUES (?, 'CELO', ?, 3, 4242, ?, ?, 'cUSD', ?, ?, ?, TRUE, FALSE, TRUE, ?)")) {
                s.setString(1, transfer);
                s.setString(2, hash);
                s.setString(3, Fixtures.randomTxHash());
                s.setObject(4, blockTime);
                s.setString(5, "0x1111111111111111111111111111111111111111");
                s.setString(6, store.celoWallet().toLowerCase());
                s.setBigDecimal(7, new BigDecimal(baseUnits));
                s.setObject(8, blockTime);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO order_payments (transfer_id, order_id, credited, note, confirmations,"
                    + " created_at) VALUES (?, ?, TRUE, NULL, 12, ?)")) {
                s.setString(1, transfer);
                s.setString(2, orderId);
                s.setObject(3, blockTime);
                s.executeUpdate();
            }
        }
        Response response = store.asMerchant().get("/v1/reports/payments.csv");
        response.then().statusCode(200).header("Content-Disposition", equalTo("attachment; filename=\"payments.csv\""));
        List<Map<String, String>> rows = csv(response);
        assertEquals(1, rows.size());
        Map<String, String> row = rows.get(0);
        BigDecimal amount = new BigDecimal(baseUnits, 18);
        assertEquals(orderId, row.get("order_id"));
        assertEquals("CELO", row.get("chain"));
        assertEquals("cUSD", row.get("asset"));
        assertEquals(0, amount.compareTo(new BigDecimal(row.get("amount"))));
        assertEquals(baseUnits.toString(), row.get("amount_base_units"));
        assertEquals(hash, row.get("transaction_hash"));
        assertEquals("4242", row.get("block_number"));
        assertEquals("2026-05-02T12:00:00Z", row.get("block_time"));
        assertEquals("USD", row.get("order_currency"));
        assertEquals(0, units.compareTo(new BigDecimal(row.get("market_rate"))));
        assertEquals(amount.divide(units, 2, RoundingMode.HALF_EVEN).toPlainString(), row.get("fiat_value"));
        assertEquals("true", row.get("credited"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "orders.csv?limit=5           | limit",
            "orders.csv?offset=1          | offset",
            "payments.csv?status=NOPE     | status",
            "orders.csv?created_after=yesterday | created_after",
            "payments.csv?amount_min=-1   | amount_min"})
    void shouldRefuseABadFilterNamingItBeforeStreaming(String path, String field) {
        Fixtures.TestStore store = Fixtures.createStore();
        DatabaseSnapshot before = DatabaseSnapshot.take();
        store.asMerchant().get("/v1/reports/" + path).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
        before.assertUnchanged();
    }

    @Test
    void shouldRefuseAReportWithoutAKey() {
        io.restassured.RestAssured.given().get("/v1/reports/orders.csv").then().statusCode(401);
    }
}
