package dev.confirma.reporting;

import dev.confirma.order.LifecycleStatus;
import dev.confirma.reporting.config.ReportsConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * orders.csv and payments.csv, streamed: one forward-only query per report, read a fetch-size at
 * a time inside a read-only transaction (PostgreSQL keeps a cursor only with autocommit off; H2
 * is asked for lazy execution) and written row by row to the response. No list of rows is built.
 */
@Singleton
public class OrderReports {

    public static final List<String> ORDER_COLUMNS = List.of("id", "created_at", "updated_at", "status", "payment_status",
            "payment_exception", "source", "ecommerce_order_id", "customer_id", "first_name", "last_name", "email", "currency",
            "subtotal", "tax", "shipping", "total", "amount_paid", "refunded", "net_paid", "chain", "asset", "amount_due",
            "amount_received", "transaction_hash", "late");

    public static final List<String> PAYMENT_COLUMNS = List.of("order_id", "order_created_at", "chain", "asset", "amount",
            "amount_base_units", "transaction_hash", "log_index", "from_address", "to_address", "block_number", "block_time",
            "confirmations", "credited", "note", "order_currency", "market_rate", "rate_sources", "rate_fetched_at", "fiat_value");

    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant PAST_LAST = Instant.parse("9999-12-31T00:00:00Z");

    private final DataSource dataSource;
    private final ReportsConfig config;

    private final ReportSlots slots;

    OrderReports(DataSource dataSource, ReportsConfig config, ReportSlots slots) {
        this.dataSource = dataSource;
        this.config = config;
        this.slots = slots;
    }

    public StreamingOutput orders(String storeId, OrderFilter filter) {
        List<Object> params = new ArrayList<>(List.of(storeId, at(filter.createdAfter().orElse(FIRST)),
                at(filter.createdBefore().orElse(PAST_LAST))));
        String sql = "SELECT o.id, o.created_at, o.updated_at, o.status, o.payment_status, o.payment_exception, o.ecommerce_type,"
                + " o.ecommerce_order_id, o.customer_id, o.delivery_first_name, o.delivery_last_name, o.delivery_email,"
                + " o.order_currency, o.subtotal, o.tax_amount, o.shipping_amount, o.order_total,"
                + " CASE WHEN o.payment_status = 'CONFIRMED' THEN o.order_total ELSE 0 END,"
                + " CASE WHEN o.payment_status = 'CONFIRMED' THEN LEAST(o.order_total, COALESCE(r.refunded, 0)) ELSE 0 END,"
                + " " + RefundedValue.NET_PAID + ","
                + " o.blockchain, o.payment_method, o.converted_total, o.amount_received, o.transaction_hash, o.late"
                + " FROM orders o LEFT JOIN (" + RefundedValue.BY_ORDER + ") r ON r.order_id = o.id"
                + " WHERE " + where(storeId, filter, params)
                // the index's own order (store_id is fixed): rows stream out of it without a sort
                + " ORDER BY o.store_id, o.created_at, o.id";
        return stream(sql, params, ORDER_COLUMNS, csv -> csv, rows -> {
            String currency = rows.getString(13);
            return List.of(rows.getString(1), instant(rows, 2), instant(rows, 3), lower(rows.getString(4)), lower(rows.getString(5)),
                    lower(rows.getString(6)), nullToEmpty(rows.getString(7)), nullToEmpty(rows.getString(8)), nullToEmpty(rows.getString(9)),
                    nullToEmpty(rows.getString(10)), nullToEmpty(rows.getString(11)), nullToEmpty(rows.getString(12)), currency,
                    plain(rows.getBigDecimal(14)), plain(rows.getBigDecimal(15)), plain(rows.getBigDecimal(16)), plain(rows.getBigDecimal(17)),
                    rounded(rows.getBigDecimal(18), currency), rounded(rows.getBigDecimal(19), currency),
                    rounded(rows.getBigDecimal(20), currency), nullToEmpty(rows.getString(21)), nullToEmpty(rows.getString(22)),
                    plain(rows.getBigDecimal(23)), plain(rows.getBigDecimal(24)), nullToEmpty(rows.getString(25)),
                    String.valueOf(rows.getBoolean(26)));
        });
    }

    public StreamingOutput payments(String storeId, OrderFilter filter) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT o.id, o.created_at, t.chain, t.asset, t.amount_base_units, q.decimals, t.tx_hash, t.log_index,"
                + " t.from_address, t.to_address, t.block_number, t.block_time, p.confirmations, p.credited, p.note,"
                + " o.order_currency, mr.units, mr.sources, mr.fetched_at"
                + " FROM orders o"
                + " JOIN order_payments p ON p.order_id = o.id"
                + " JOIN chain_transfers t ON t.id = p.transfer_id"
                + " LEFT JOIN order_quotes q ON q.order_id = o.id AND q.protocol = t.chain AND q.asset = t.asset"
                + " LEFT JOIN order_market_rates mr ON mr.order_id = o.id AND mr.symbol = t.asset"
                + " WHERE t.removed = FALSE AND " + where(storeId, filter, params)
                // the index's order only, so the rows stream (a sort by block too would make H2 hold them all);
                // each order's few payments are put in block order as they are written
                + " ORDER BY o.store_id, o.created_at, o.id";
        return stream(sql, params, PAYMENT_COLUMNS, BlockOrder::new, rows -> {
            BigDecimal baseUnits = rows.getBigDecimal(5);
            int decimals = rows.getInt(6);
            BigDecimal amount = rows.wasNull() ? null : new BigDecimal(baseUnits.toBigIntegerExact(), decimals);
            String currency = rows.getString(16);
            BigDecimal units = rows.getBigDecimal(17);
            BigDecimal fiat = amount == null || units == null || units.signum() <= 0 ? null
                    : amount.divide(units, CurrencyScale.of(currency), RoundingMode.HALF_EVEN);
            return List.of(rows.getString(1), instant(rows, 2), rows.getString(3), rows.getString(4), plain(amount),
                    baseUnits.toBigIntegerExact().toString(), rows.getString(7), String.valueOf(rows.getInt(8)), rows.getString(9),
                    rows.getString(10), String.valueOf(rows.getLong(11)), instant(rows, 12), String.valueOf(rows.getLong(13)),
                    String.valueOf(rows.getBoolean(14)), nullToEmpty(rows.getString(15)), currency, plain(units),
                    nullToEmpty(rows.getString(18)), instant(rows, 19), fiat == null ? "" : CurrencyScale.format(fiat, currency));
        });
    }

    /** The store's orders the filter keeps, as SQL over {@code o}; appends its parameters. */
    private static String where(String storeId, OrderFilter filter, List<Object> params) {
        // a range on created_at, even an open one, so the planner picks the (store_id, created_at, id) index, whose order
        // is the report's: H2 otherwise may take another store_id index and sort every row before the first is sent
        StringBuilder where = new StringBuilder("o.store_id = ? AND o.created_at >= ? AND o.created_at < ?");
        params.addAll(List.of(storeId, at(FIRST), at(PAST_LAST)));
        filter.customerId().ifPresent(id -> {
            where.append(" AND o.customer_id = ?");
            params.add(id);
        });
        if (!filter.statuses().isEmpty()) {
            where.append(" AND o.status IN (").append(String.join(", ", filter.statuses().stream().map(s -> "?").toList())).append(')');
            filter.statuses().stream().map(LifecycleStatus::name).forEach(params::add);
        }
        filter.createdAfter().ifPresent(at -> {
            where.append(" AND o.created_at > ?");
            params.add(at(at));
        });
        filter.createdBefore().ifPresent(at -> {
            where.append(" AND o.created_at < ?");
            params.add(at(at));
        });
        filter.amountMin().ifPresent(amount -> {
            where.append(" AND o.order_total >= ?");
            params.add(amount);
        });
        filter.amountMax().ifPresent(amount -> {
            where.append(" AND o.order_total <= ?");
            params.add(amount);
        });
        return where.toString();
    }

    @FunctionalInterface
    private interface RowMapper {
        List<String> fields(ResultSet rows) throws SQLException;
    }

    /** Where mapped rows go: the CSV itself, or something that reorders them on the way. */
    interface RowSink {
        void row(List<String> fields) throws IOException;

        default void end() throws IOException {
        }
    }

    /** One order's payments (rows in a run with one order id) written in block order: by block number, then log index. */
    static final class BlockOrder implements RowSink {

        private final RowSink out;
        private final List<List<String>> run = new ArrayList<>();

        BlockOrder(RowSink out) {
            this.out = out;
        }

        @Override
        public void row(List<String> fields) throws IOException {
            if (!run.isEmpty() && !run.get(0).get(0).equals(fields.get(0))) {
                end();
            }
            run.add(fields);
        }

        @Override
        public void end() throws IOException {
            run.sort(java.util.Comparator.<List<String>>comparingLong(f -> Long.parseLong(f.get(10)))
                    .thenComparingInt(f -> Integer.parseInt(f.get(7))));
            for (List<String> fields : run) {
                out.row(fields);
            }
            run.clear();
        }
    }

    /** Takes a report slot now (429 when none is free), given back when the stream ends, however it ends. */
    private StreamingOutput stream(String sql, List<Object> params, List<String> header,
                                   java.util.function.UnaryOperator<RowSink> order, RowMapper mapper) {
        Runnable release = slots.take();
        return output -> {
            try {
                write(output, sql, params, header, order, mapper);
            } finally {
                release.run();
            }
        };
    }

    private void write(java.io.OutputStream output, String sql, List<Object> params, List<String> header,
                       java.util.function.UnaryOperator<RowSink> order, RowMapper mapper) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 16 * 1024);
        CsvWriter csv = new CsvWriter(writer);
        csv.row(header);
        RowSink sink = order.apply(csv::row);
        try {
            QuarkusTransaction.requiringNew().timeout((int) Math.max(1, config.timeout().toSeconds()))
                    .run(() -> copy(sql, params, mapper, sink));
        } catch (UncheckedIOException clientGone) {
            throw clientGone.getCause();
        }
        csv.flush();
    }

    private void copy(String sql, List<Object> params, RowMapper mapper, RowSink sink) {
        try (Connection connection = dataSource.getConnection()) {
            boolean h2 = connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("H2");
            if (h2) {
                lazy(connection, true);
            }
            try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(config.fetchSize());
                for (int i = 0; i < params.size(); i++) {
                    statement.setObject(i + 1, params.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        sink.row(mapper.fields(rows));
                    }
                    sink.end();
                }
            } finally {
                if (h2) {
                    // a session setting: the pooled connection goes back as it came
                    lazy(connection, false);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("report query failed: " + e.getMessage(), e);
        } catch (IOException clientGone) {
            throw new UncheckedIOException(clientGone);
        }
    }

    private static void lazy(Connection connection, boolean on) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime at = rows.getObject(column, OffsetDateTime.class);
        return at == null ? "" : at.toInstant().toString();
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : dev.confirma.common.Money.plain(value).toPlainString();
    }

    private static String rounded(BigDecimal value, String currency) {
        return value == null ? "" : CurrencyScale.format(value, currency);
    }
}
