package dev.confirma.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Every row of every Confirma table, as text: taken before and after a bad request, it
 * proves the request changed nothing.
 */
public final class DatabaseSnapshot {

    private static final List<String> TABLES = List.of(
            "server_secrets", "stores", "store_wallets", "api_keys", "orders", "idempotency_keys", "payment_claims",
            "order_quotes", "order_market_rates", "chain_transfers", "order_payments", "paid_transactions", "reserved_amounts",
            "callback_deliveries", "callback_attempts", "refunds", "order_items", "order_timeline", "api_idempotency",
            "webhook_subscriptions", "fraud_rules", "order_fraud_checks", "audit_log");

    private final String content;

    private DatabaseSnapshot(String content) {
        this.content = content;
    }

    public static DatabaseSnapshot take() {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        StringBuilder text = new StringBuilder();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                text.append("== ").append(table).append('\n');
                try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            text.append(rows.getString(i)).append('|');
                        }
                        text.append('\n');
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new DatabaseSnapshot(text.toString());
    }

    /** Whether any stored value contains {@code text}: used to prove a secret is not stored. */
    public boolean contains(String text) {
        return content.contains(text);
    }

    public void assertUnchanged() {
        assertUnchanged("the database changed");
    }

    /** Compares with the database now; {@code context} says which request changed it. */
    public void assertUnchanged(String context) {
        assertEquals(content, take().content, context);
    }
}
