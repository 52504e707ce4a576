package dev.confirma.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.support.Fixtures;
import dev.confirma.support.ReportRows;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * 100,000 orders in one CSV, streamed: while the client reads, the heap (measured after a GC, at
 * every 10,000th row) stays far below the size of the CSV, so no list of rows is built anywhere.
 * The client reads as it goes, so the server cannot run ahead of it by more than the socket's buffers.
 */
@QuarkusTest
class ReportStreamingTest {

    private static final int ORDERS = 100_000;

    @TestHTTPResource("/")
    URL base;

    @Test
    void shouldStreamAHundredThousandOrdersInBoundedMemory() throws Exception {
        Fixtures.TestStore store = Fixtures.createStore();
        try {
            Instant start = Instant.parse("2026-01-01T00:00:00Z");
            List<ReportRows.Row> rows = new ArrayList<>(10_000);
            for (int i = 0; i < ORDERS; i++) {
                rows.add(ReportRows.Row.of(store.id(), start.plusSeconds(i * 7L), i % 3 == 0 ? "EUR" : "USD",
                        (10 + i % 500) + ".25", i % 2 == 0 ? "CONFIRMED" : "PENDING", i % 2 == 0 ? "PAID" : "CREATED"));
                if (rows.size() == 10_000) {
                    ReportRows.insert(rows);
                    rows.clear();
                }
            }
            assertAnalyticsReadTheIndex(store.id());
            // the same path once on a few rows first: buffers and caches the first request sets up are not the rows' memory
            HttpResponse<String> warmUp = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(base.toString().replaceAll("/$", "") + "/v1/reports/orders.csv?created_before=2026-01-01T01:00:00Z"))
                    .header("Authorization", "Bearer " + store.apiKey()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, warmUp.statusCode());
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long baseline = heapAfterGc(memory);
            AtomicLong bytes = new AtomicLong();
            // a blocking connection reads from the socket as the rows are parsed: nothing on the client runs ahead
            java.net.HttpURLConnection response = (java.net.HttpURLConnection) URI.create(
                    base.toString().replaceAll("/$", "") + "/v1/reports/orders.csv").toURL().openConnection();
            response.setRequestProperty("Authorization", "Bearer " + store.apiKey());
            assertEquals(200, response.getResponseCode());
            long[] count = {0};
            long[] peak = {0};
            List<Long> growth = new ArrayList<>();
            try (InputStream body = new FilterInputStream(response.getInputStream()) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    bytes.addAndGet(b < 0 ? 0 : 1);
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    bytes.addAndGet(Math.max(n, 0));
                    return n;
                }
            }) {
                Rfc4180.read(new InputStreamReader(body, StandardCharsets.UTF_8), row -> {
                    if (count[0] > 0) {
                        assertEquals(OrderReports.ORDER_COLUMNS.size(), row.size());
                    }
                    if (++count[0] % 10_000 == 0) {
                        long grown = heapAfterGc(memory) - baseline;
                        growth.add(grown);
                        peak[0] = Math.max(peak[0], grown);
                    }
                });
            }
            assertEquals(ORDERS + 1, count[0], "the header and every order");
            long csvSize = bytes.get();
            System.out.printf("orders.csv: %d rows, %d bytes; heap above the baseline while streaming: at most %d bytes%n",
                    count[0] - 1, csvSize, peak[0]);
            System.out.println("heap growth every 10,000 rows: " + growth);
            assertTrue(csvSize > 15_000_000, "the CSV is large: " + csvSize);
            // A list of the rows would hold more than the CSV read so far: past 80,000 rows, at least 4/5 of it. What a
            // stream holds is a fixed few MB (socket and JDBC buffers, JIT, a background job's blip) however many rows
            // went by, so at most a quarter of the CSV leaves room for those and still fails for any list of rows.
            List<Long> sorted = growth.stream().sorted().toList();
            assertTrue(sorted.get(7) < csvSize / 4, "the heap grew by " + growth + " bytes while streaming " + csvSize + " bytes of CSV");
            assertTrue(peak[0] < csvSize / 2, "the heap grew by " + peak[0] + " bytes while streaming " + csvSize + " bytes of CSV");
        } finally {
            ReportRows.deleteOrdersOf(store.id());
        }
    }

    private static long heapAfterGc(MemoryMXBean memory) {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The plan of the analytics query over the 100,000 orders: read by the (store_id, created_at) index, not scanned. */
    private static void assertAnalyticsReadTheIndex(String storeId) throws Exception {
        List<Periods.Period> periods = Periods.of(java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 1, 31), Grouping.DAY,
                java.time.ZoneId.of("America/New_York"));
        StringBuilder plan = new StringBuilder();
        try (java.sql.Connection c = ReportRows.connection()) {
            if (c.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                c.createStatement().execute("ANALYZE orders");
            }
        }
        try (java.sql.Connection c = ReportRows.connection();
             java.sql.PreparedStatement s = c.prepareStatement("EXPLAIN " + OrderAnalytics.sql(periods.size()))) {
            List<Object> params = OrderAnalytics.parameters(storeId, periods);
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            try (java.sql.ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
        }
        System.out.println("analytics plan:\n" + plan);
        String text = plan.toString().toLowerCase(java.util.Locale.ROOT);
        assertTrue(text.contains("ix_orders_store_created"), "the plan uses an orders index:\n" + plan);
        assertTrue(!text.contains("seq scan on orders") && !text.contains("public.orders.tablescan") && !text.contains("orders.tablescan"),
                "no scan of all orders:\n" + plan);
    }
}
