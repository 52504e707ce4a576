package dev.confirma.reporting;

import static dev.confirma.support.Fixtures.asOperator;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.support.DatabaseSnapshot;
import dev.confirma.support.Fixtures;
import dev.confirma.support.ReportRows;
import dev.confirma.support.ReportRows.RefundRow;
import dev.confirma.support.ReportRows.Row;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Analytics against figures worked out here, in Java, from a generated set of orders: several
 * currencies, orders around local midnight on both of New York's 2026 DST changes, refunds
 * verified, pending and rejected, over-refunds, and another store's orders that must not count.
 */
@QuarkusTest
class V1AnalyticsTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final String[] CURRENCIES = {"USD", "EUR", "JPY", "CELO"};
    private static final String[][] STATUSES = {{"PENDING", "CREATED"}, {"CONFIRMED", "PAID"}, {"CONFIRMED", "SHIPPED"},
            {"CONFIRMED", "CANCELLED"}, {"CANCELLED", "CANCELLED"}, {"FAILED", "CREATED"}, {"CONFIRMED", "REFUNDED"}};
    private static final LocalTime[] TIMES = {LocalTime.of(0, 0), LocalTime.of(0, 30), LocalTime.of(1, 59), LocalTime.of(2, 30),
            LocalTime.of(3, 0), LocalTime.of(12, 0), LocalTime.of(23, 0), LocalTime.of(23, 59, 59)};

    private record Generated(Fixtures.TestStore store, List<Row> orders, Map<String, BigDecimal> refunded) {
    }

    private static Generated generate(long seed) {
        Fixtures.TestStore store = Fixtures.createStore(Map.of("name", "Analytics " + seed, "timeZone", "America/New_York"));
        Random random = new Random(seed);
        List<Row> orders = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2026, 3, 5); d.isBefore(LocalDate.of(2026, 3, 12)); d = d.plusDays(1)) {
            days.add(d);
        }
        for (LocalDate d = LocalDate.of(2026, 10, 29); d.isBefore(LocalDate.of(2026, 11, 4)); d = d.plusDays(1)) {
            days.add(d);
        }
        for (LocalDate day : days) {
            for (LocalTime time : TIMES) {
                int count = 1 + random.nextInt(2);
                for (int i = 0; i < count; i++) {
                    // 02:30 on 8 March does not exist in New York: java.time moves it to 03:30, as a clock would
                    Instant at = LocalDateTime.of(day, time).atZone(NEW_YORK).toInstant().plusMillis(random.nextInt(1000));
                    String[] status = STATUSES[random.nextInt(STATUSES.length)];
                    String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
                    String total = currency.equals("JPY") ? String.valueOf(100 + random.nextInt(5000))
                            : BigDecimal.valueOf(100 + random.nextInt(99_900), 2).toPlainString();
                    orders.add(Row.of(store.id(), at, currency, total, status[0], status[1]));
                }
            }
        }
        // the edges of the range: the instant before 1 March starts in New York, and 15 March's first instant
        orders.add(Row.of(store.id(), LocalDate.of(2026, 3, 1).atStartOfDay(NEW_YORK).toInstant().minusNanos(1000), "USD", "7.00",
                "CONFIRMED", "PAID"));
        orders.add(Row.of(store.id(), LocalDate.of(2026, 3, 15).atStartOfDay(NEW_YORK).toInstant(), "USD", "9.00", "CONFIRMED", "PAID"));
        ReportRows.insert(orders);

        Map<String, BigDecimal> refunded = new HashMap<>();
        List<RefundRow> refunds = new ArrayList<>();
        BigInteger quote = BigInteger.valueOf(8_000_000);
        for (Row order : orders) {
            if (!order.paymentStatus().equals("CONFIRMED") || random.nextInt(3) != 0) {
                continue;
            }
            // a quarter, half, all, or more than was due (counts as all); and refunds that count for nothing
            long[] shares = {2_000_000, 4_000_000, 8_000_000, 9_000_000, 1_000_000};
            long share = shares[random.nextInt(shares.length)];
            String status = random.nextInt(4) == 0 ? (random.nextBoolean() ? "PENDING" : "REJECTED") : "VERIFIED";
            refunds.add(new RefundRow(order.id(), store.id(), quote, BigInteger.valueOf(share), status));
            if (status.equals("VERIFIED")) {
                refunded.merge(order.id(), order.total().multiply(BigDecimal.valueOf(share)).divide(new BigDecimal(quote)), BigDecimal::add);
            }
            if (share == 1_000_000) {
                // a second verified refund of the same order: shares add up
                refunds.add(new RefundRow(order.id(), store.id(), quote, BigInteger.valueOf(2_000_000), "VERIFIED"));
                refunded.merge(order.id(), order.total().divide(BigDecimal.valueOf(4)), BigDecimal::add);
            }
        }
        ReportRows.insertRefunds(refunds);

        // another store, same instants, same zone: never counted
        Fixtures.TestStore other = Fixtures.createStore(Map.of("name", "Other " + seed, "timeZone", "America/New_York"));
        ReportRows.insert(orders.stream().limit(20).map(o -> Row.of(other.id(), o.createdAt(), o.currency(), "1.00", "CONFIRMED", "PAID"))
                .toList());
        return new Generated(store, orders, refunded);
    }

    /** What the answer must say: period → currency → [order_count, paid_count, revenue, avg]. */
    private static Map<LocalDate, Map<String, List<String>>> expected(Generated g, LocalDate start, LocalDate end,
                                                                       Function<LocalDate, LocalDate> periodOf) {
        Map<LocalDate, Map<String, long[]>> counts = new TreeMap<>();
        Map<LocalDate, Map<String, BigDecimal>> revenue = new TreeMap<>();
        for (Row o : g.orders()) {
            LocalDate local = o.createdAt().atZone(NEW_YORK).toLocalDate();
            if (local.isBefore(start) || local.isAfter(end)) {
                continue;
            }
            LocalDate period = periodOf.apply(local);
            long[] c = counts.computeIfAbsent(period, p -> new TreeMap<>()).computeIfAbsent(o.currency(), x -> new long[2]);
            c[0]++;
            BigDecimal net = BigDecimal.ZERO;
            if (o.paymentStatus().equals("CONFIRMED")) {
                c[1]++;
                net = o.total().subtract(o.total().min(g.refunded().getOrDefault(o.id(), BigDecimal.ZERO)));
            }
            revenue.computeIfAbsent(period, p -> new TreeMap<>()).merge(o.currency(), net, BigDecimal::add);
        }
        Map<LocalDate, Map<String, List<String>>> expected = new TreeMap<>();
        counts.forEach((period, byCurrency) -> byCurrency.forEach((currency, c) -> {
            BigDecimal r = revenue.get(period).get(currency);
            expected.computeIfAbsent(period, p -> new TreeMap<>()).put(currency, List.of(String.valueOf(c[0]), String.valueOf(c[1]),
                    money(r, currency), c[1] == 0 ? "null" : money(r.divide(BigDecimal.valueOf(c[1]), scale(currency), RoundingMode.HALF_EVEN),
                            currency)));
        }));
        return expected;
    }

    private static int scale(String currency) {
        return switch (currency) {
            case "JPY" -> 0;
            case "CELO" -> 18;
            default -> 2;
        };
    }

    private static String money(BigDecimal amount, String currency) {
        BigDecimal rounded = amount.setScale(scale(currency), RoundingMode.HALF_EVEN);
        if (currency.equals("CELO")) {
            BigDecimal plain = rounded.stripTrailingZeros();
            return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
        }
        return rounded.toPlainString();
    }

    private static Map<LocalDate, Map<String, List<String>>> answered(JsonPath json) {
        Map<LocalDate, Map<String, List<String>>> answered = new TreeMap<>();
        List<Map<String, Object>> periods = json.getList("periods");
        for (Map<String, Object> period : periods) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> currencies = (List<Map<String, Object>>) period.get("currencies");
            for (Map<String, Object> c : currencies) {
                answered.computeIfAbsent(LocalDate.parse((String) period.get("period")), p -> new TreeMap<>()).put((String) c.get("currency"),
                        List.of(String.valueOf(c.get("order_count")), String.valueOf(c.get("paid_count")), String.valueOf(c.get("revenue")),
                                String.valueOf(c.get("avg_order_value"))));
            }
        }
        return answered;
    }

    @Test
    void shouldCountEachLocalDayOfTheStoreAcrossBothDstChanges() {
        Generated g = generate(16);
        for (LocalDate[] range : new LocalDate[][]{{LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 14)},
                {LocalDate.of(2026, 10, 29), LocalDate.of(2026, 11, 3)}}) {
            JsonPath json = g.store().asMerchant().queryParam("start_date", range[0].toString()).queryParam("end_date", range[1].toString())
                    .get("/v1/analytics/orders").then().statusCode(200)
                    .body("group_by", equalTo("day"))
                    .body("time_zone", equalTo("America/New_York"))
                    .body("periods.size()", equalTo((int) (range[1].toEpochDay() - range[0].toEpochDay() + 1)))
                    .extract().jsonPath();
            assertEquals(expected(g, range[0], range[1], d -> d), answered(json));
        }
        // 8 March 2026 is 23 hours long in New York, 1 November 25
        g.store().asMerchant().queryParam("start_date", "2026-03-08").queryParam("end_date", "2026-03-08").get("/v1/analytics/orders")
                .then().body("periods[0].starts_at", equalTo("2026-03-08T05:00:00Z")).body("periods[0].ends_at", equalTo("2026-03-09T04:00:00Z"));
        g.store().asMerchant().queryParam("start_date", "2026-11-01").queryParam("end_date", "2026-11-01").get("/v1/analytics/orders")
                .then().body("periods[0].starts_at", equalTo("2026-11-01T04:00:00Z")).body("periods[0].ends_at", equalTo("2026-11-02T05:00:00Z"));
    }

    @Test
    void shouldGroupByIsoWeekAndByMonthWithASummaryOfTheRange() {
        Generated g = generate(61);
        LocalDate start = LocalDate.of(2026, 3, 4);
        LocalDate end = LocalDate.of(2026, 11, 2);
        JsonPath weeks = g.store().asMerchant().queryParam("start_date", start.toString()).queryParam("end_date", end.toString())
                .queryParam("group_by", "week").get("/v1/analytics/orders").then().statusCode(200)
                // the first week starts on Monday 2 March, clipped to the range
                .body("periods[0].period", equalTo("2026-03-02"))
                .body("periods[0].starts_at", equalTo("2026-03-04T05:00:00Z"))
                .extract().jsonPath();
        assertEquals(expected(g, start, end, d -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))), answered(weeks));

        JsonPath months = g.store().asMerchant().queryParam("start_date", start.toString()).queryParam("end_date", end.toString())
                .queryParam("group_by", "month").get("/v1/analytics/orders").then().statusCode(200)
                .body("periods.size()", equalTo(9)).extract().jsonPath();
        Map<LocalDate, Map<String, List<String>>> byMonth = expected(g, start, end, d -> d.withDayOfMonth(1));
        assertEquals(byMonth, answered(months));

        // the summary: the whole range per currency, one line each
        Map<LocalDate, Map<String, List<String>>> whole = expected(g, start, end, d -> start);
        List<Map<String, Object>> summary = months.getList("summary");
        assertEquals(whole.get(start).keySet(), summary.stream().map(s -> (String) s.get("currency")).collect(java.util.stream.Collectors.toSet()));
        for (Map<String, Object> s : summary) {
            assertEquals(whole.get(start).get((String) s.get("currency")), List.of(String.valueOf(s.get("order_count")),
                    String.valueOf(s.get("paid_count")), String.valueOf(s.get("revenue")), String.valueOf(s.get("avg_order_value"))));
        }
    }

    @Test
    void shouldAnswerEmptyPeriodsForAStoreWithoutOrders() {
        Fixtures.TestStore store = Fixtures.createStore();
        store.asMerchant().queryParam("start_date", "2026-01-01").queryParam("end_date", "2026-01-03").get("/v1/analytics/orders")
                .then().statusCode(200).body("time_zone", equalTo("UTC")).body("periods.size()", equalTo(3))
                .body("periods[0].currencies.size()", equalTo(0)).body("summary.size()", equalTo(0))
                .body("periods[2].ends_at", equalTo("2026-01-04T00:00:00Z"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "start_date=2026-03-01                                  | end_date   | end_date is required: an ISO date such as 2026-03-01, in the store's time zone",
            "start_date=2026-13-01&end_date=2026-03-01              | start_date | start_date must be an ISO date such as 2026-03-01 (the years 1 to 9998)",
            "start_date=2026-03-02&end_date=2026-03-01              | start_date | start_date must not be after end_date",
            "start_date=2020-01-01&end_date=2026-01-01              | end_date   | the range from start_date to end_date holds more than 1000 periods of one day; ask for a shorter range or a longer group_by",
            "start_date=2026-03-01&end_date=2026-03-02&group_by=year | group_by  | group_by must be day, week or month, not year",
            "start_date=2026-03-01&end_date=2026-03-02&limit=5      | limit      | limit is not a parameter of GET /v1/analytics/orders (end_date, group_by, start_date)",
            "start_date=2026-03-01&start_date=2026-03-01&end_date=2026-03-02 | start_date | start_date may be given once",
            "start_date=+99999-01-01&end_date=2026-03-02            | start_date | start_date must be an ISO date such as 2026-03-01 (the years 1 to 9998)"})
    void shouldRefuseABadRangeNamingTheField(String query, String field, String message) {
        Fixtures.TestStore store = Fixtures.createStore();
        DatabaseSnapshot before = DatabaseSnapshot.take();
        store.asMerchant().get("/v1/analytics/orders?" + query.replace("+", "%2B")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("errors.message", hasItem(message));
        before.assertUnchanged();
    }

    @Test
    void shouldRefuseACallerWithoutAKey() {
        io.restassured.RestAssured.given().queryParam("start_date", "2026-03-01").queryParam("end_date", "2026-03-01")
                .get("/v1/analytics/orders").then().statusCode(401);
    }
}
