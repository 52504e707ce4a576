package dev.confirma.support;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Orders, quotes, refunds and payments written with plain SQL batches, for reports over many
 * rows: a generated set of orders at chosen instants, faster than the API could make them.
 */
public final class ReportRows {

    /** An order as the reports see it; {@code paymentStatus} and {@code status} as stored (CONFIRMED, PAID, …). */
    public record Row(String id, String storeId, Instant createdAt, String currency, BigDecimal total, String paymentStatus,
                      String status, String customerId, String firstName) {

        public static Row of(String storeId, Instant createdAt, String currency, String total, String paymentStatus, String status) {
            return new Row(UUID.randomUUID().toString(), storeId, createdAt, currency, new BigDecimal(total), paymentStatus, status,
                    "cus_" + UUID.randomUUID().toString().substring(0, 8), "Ana");
        }
    }

    /** A refund of an order: {@code amountBaseUnits} of its quote of {@code quoteBaseUnits} (cUSD on CELO). */
    public record RefundRow(String orderId, String storeId, BigInteger quoteBaseUnits, BigInteger amountBaseUnits, String status) {
    }

    private ReportRows() {
    }

    public static Connection connection() throws SQLException {
        return Arc.container().instance(AgroalDataSource.class).get().getConnection();
    }

    public static void insert(List<Row> rows) {
        String sql = "INSERT INTO orders (id, store_id, ecommerce_order_id, ecommerce_type, order_total, order_currency,"
                + " payment_status, status, store_markup_percentage, store_discount_percentage, expires_at, monitored_until,"
                + " created_at, updated_at, version, customer_id, delivery_first_name, delivery_last_name, delivery_email, subtotal,"
                + " tax_amount, shipping_amount) VALUES (?, ?, ?, 'api', ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, 0, ?, ?, 'Lima',"
                + " 'ana@example.com', ?, 0, 0)";
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(sql)) {
            int batched = 0;
            for (Row row : rows) {
                OffsetDateTime at = row.createdAt().atOffset(ZoneOffset.UTC);
                s.setString(1, row.id());
                s.setString(2, row.storeId());
                s.setString(3, row.id());
                s.setBigDecimal(4, row.total());
                s.setString(5, row.currency());
                s.setString(6, row.paymentStatus());
                s.setString(7, row.status());
                s.setObject(8, at.plusMinutes(15));
                s.setObject(9, at.plusHours(24));
                s.setObject(10, at);
                s.setObject(11, at);
                s.setString(12, row.customerId());
                s.setString(13, row.firstName());
                s.setBigDecimal(14, row.total());
                s.addBatch();
                if (++batched % 1000 == 0) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each refund with the cUSD quote its share is measured against. */
    public static void insertRefunds(List<RefundRow> refunds) {
        try (Connection c = connection();
             PreparedStatement quote = c.prepareStatement("INSERT INTO order_quotes (order_id, protocol, asset, chain_id, contract,"
                     + " decimals, address, amount_base_units) VALUES (?, 'CELO', 'cUSD', 42220, NULL, 18, ?, ?)");
             PreparedStatement refund = c.prepareStatement("INSERT INTO refunds (id, order_id, store_id, protocol, asset, amount,"
                     + " amount_base_units, to_address, transaction_hash, status, requested_by, created_at)"
                     + " VALUES (?, ?, ?, 'CELO', 'cUSD', ?, ?, ?, ?, ?, 'test', ?)")) {
            java.util.Set<String> quoted = new java.util.HashSet<>();
            for (RefundRow r : refunds) {
                if (quoted.add(r.orderId())) {
                    quote.setString(1, r.orderId());
                    quote.setString(2, Fixtures.randomAddress());
                    quote.setBigDecimal(3, new BigDecimal(r.quoteBaseUnits()));
                    quote.addBatch();
                }
                refund.setString(1, UUID.randomUUID().toString());
                refund.setString(2, r.orderId());
                refund.setString(3, r.storeId());
                refund.setBigDecimal(4, new BigDecimal(r.amountBaseUnits(), 18));
                refund.setBigDecimal(5, new BigDecimal(r.amountBaseUnits()));
                refund.setString(6, Fixtures.randomAddress());
                refund.setString(7, Fixtures.randomTxHash());
                refund.setString(8, r.status());
                refund.setObject(9, OffsetDateTime.now(ZoneOffset.UTC));
                refund.addBatch();
            }
            quote.executeBatch();
            refund.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes a store's report rows again (a 100,000-order set would slow every later snapshot). */
    public static void deleteOrdersOf(String storeId) {
        try (Connection c = connection(); var s = c.createStatement()) {
            String orders = "(SELECT id FROM orders WHERE store_id = '" + storeId + "')";
            s.executeUpdate("DELETE FROM refunds WHERE order_id IN " + orders);
            s.executeUpdate("DELETE FROM order_quotes WHERE order_id IN " + orders);
            s.executeUpdate("DELETE FROM orders WHERE store_id = '" + storeId + "'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
