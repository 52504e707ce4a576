package dev.confirma.reporting;

import dev.confirma.reporting.Periods.Period;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Order counts and revenue per period and currency, in ONE query: the period boundaries (computed
 * in Java from the store's zone) are a derived table of parameters the store's orders are joined
 * against, by the (store_id, created_at) index. Java only adds up the few rows it returns.
 */
@Singleton
public class OrderAnalytics {

    /** One currency's figures over a period or the whole range; {@code revenue} unrounded. */
    public record Figures(String currency, long orderCount, long paidCount, BigDecimal revenue) {

        /** Revenue rounded to the currency's scale. */
        public String revenueText() {
            return CurrencyScale.format(revenue, currency);
        }

        /** Revenue per paid order, at the currency's scale; null when nothing was paid. */
        public String averageOrderValueText() {
            return paidCount == 0 ? null : CurrencyScale.format(
                    revenue.divide(BigDecimal.valueOf(paidCount), CurrencyScale.of(currency), RoundingMode.HALF_EVEN), currency);
        }

        Figures plus(Figures other) {
            return new Figures(currency, orderCount + other.orderCount, paidCount + other.paidCount, revenue.add(other.revenue));
        }
    }

    public record PeriodFigures(Period period, List<Figures> currencies) {
    }

    public record Report(List<PeriodFigures> periods, List<Figures> summary) {
    }

    private final DataSource dataSource;

    OrderAnalytics(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The SQL run for {@code periods} periods; public for the plan test (EXPLAIN). */
    public static String sql(int periods) {
        StringBuilder boundaries = new StringBuilder();
        for (int i = 0; i < periods; i++) {
            boundaries.append(i == 0 ? "" : " UNION ALL ")
                    .append("SELECT CAST(? AS INTEGER) AS idx, CAST(? AS TIMESTAMP WITH TIME ZONE) AS starts_at,"
                            + " CAST(? AS TIMESTAMP WITH TIME ZONE) AS ends_at");
        }
        return "SELECT p.idx, o.order_currency, COUNT(*) AS order_count,"
                + " SUM(" + RefundedValue.PAID + ") AS paid_count,"
                + " SUM(" + RefundedValue.NET_PAID + ") AS revenue"
                + " FROM (" + boundaries + ") p"
                + " JOIN orders o ON o.created_at >= p.starts_at AND o.created_at < p.ends_at"
                + " LEFT JOIN (" + RefundedValue.BY_ORDER + ") r ON r.order_id = o.id"
                + " WHERE o.store_id = ? AND o.created_at >= ? AND o.created_at < ?"
                + " GROUP BY p.idx, o.order_currency"
                + " ORDER BY p.idx, o.order_currency";
    }

    /** The parameters of {@link #sql} for these periods of one store. */
    public static List<Object> parameters(String storeId, List<Period> periods) {
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            params.add(i);
            params.add(at(periods.get(i).startsAt()));
            params.add(at(periods.get(i).endsAt()));
        }
        OffsetDateTime from = at(periods.get(0).startsAt());
        OffsetDateTime until = at(periods.get(periods.size() - 1).endsAt());
        params.addAll(List.of(storeId, from, until, storeId, from, until));
        return params;
    }

    public Report orders(String storeId, List<Period> periods) {
        List<List<Figures>> byPeriod = new ArrayList<>();
        periods.forEach(p -> byPeriod.add(new ArrayList<>()));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql(periods.size()))) {
            List<Object> params = parameters(storeId, periods);
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, params.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    byPeriod.get(rows.getInt(1)).add(new Figures(rows.getString(2), rows.getLong(3), rows.getLong(4),
                            rows.getBigDecimal(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("analytics query failed: " + e.getMessage(), e);
        }
        Map<String, Figures> summary = new TreeMap<>();
        List<PeriodFigures> result = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            result.add(new PeriodFigures(periods.get(i), List.copyOf(byPeriod.get(i))));
            byPeriod.get(i).forEach(f -> summary.merge(f.currency(), f, Figures::plus));
        }
        return new Report(result, List.copyOf(summary.values()));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
