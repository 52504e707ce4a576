package dev.confirma.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** A market rate an order was priced at: units of {@code symbol} per 1 order currency, and who said so. */
@Entity
@Table(name = "order_market_rates")
public class OrderMarketRate extends PanacheEntityBase {

    @EmbeddedId
    public Id id;

    @Column(nullable = false, precision = 65, scale = 30)
    public BigDecimal units;

    /** Comma-separated provider names; empty when the asset is the order currency itself. */
    @Column(nullable = false)
    public String sources;

    @Column(name = "fetched_at", nullable = false)
    public Instant fetchedAt;

    /** The rate snapshots of several orders in one query. */
    public static List<OrderMarketRate> forOrders(Collection<String> orderIds) {
        return list("id.orderId in ?1 order by id.orderId, id.symbol", orderIds);
    }

    @Embeddable
    public static class Id implements Serializable {
        @Column(name = "order_id", nullable = false)
        public String orderId;

        @Column(nullable = false)
        public String symbol;

        public Id() {
        }

        public Id(String orderId, String symbol) {
            this.orderId = orderId;
            this.symbol = symbol;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Id other && orderId.equals(other.orderId) && symbol.equals(other.symbol);
        }

        @Override
        public int hashCode() {
            return Objects.hash(orderId, symbol);
        }
    }
}
