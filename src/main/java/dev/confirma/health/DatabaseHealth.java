package dev.confirma.health;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** The database answers a query (Quarkus' own datasource check says the same under /q/health/ready). */
@Singleton
public class DatabaseHealth {

    private final AgroalDataSource dataSource;

    DatabaseHealth(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Check check() {
        Map<String, Object> data = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(5);
            statement.execute("SELECT 1");
            return new Check("database", Check.Status.UP, null, data);
        } catch (SQLException e) {
            // the driver's message may name the database's host or file: health is open, so only its kind and state
            return new Check("database", Check.Status.DOWN, "the database does not answer (" + e.getClass().getSimpleName()
                    + (e.getSQLState() == null ? "" : ", SQL state " + e.getSQLState()) + ")", data);
        }
    }
}
