package dev.confirma.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** An order's amount due in one asset, locked at checkout. */
@Entity
@Table(name = "order_quotes")
public class OrderQuote extends PanacheEntityBase {

    @EmbeddedId
    public Id id;

    @Column(name = "chain_id", nullable = false)
    public long chainId;

    @Column
    public String contract;

    @Column(nullable = false)
    public int decimals;

    @Column(nullable = false)
    public String address;

    @Column(name = "amount_base_units", nullable = false, precision = 78, scale = 0)
    public BigInteger amountBaseUnits;

    /** The quotes of several orders in one query, ordered by order, protocol and asset. */
    public static List<OrderQuote> forOrders(Collection<String> orderIds) {
        return list("id.orderId in ?1 order by id.orderId, id.protocol, id.asset", orderIds);
    }

    @Embeddable
    public static class Id implements Serializable {
        @Column(name = "order_id", nullable = false)
        public String orderId;

        @Column(nullable = false)
        public String protocol;

        @Column(nullable = false)
        public String asset;

        public Id() {
        }

        public Id(String orderId, String protocol, String asset) {
            this.orderId = orderId;
            this.protocol = protocol;
            this.asset = asset;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Id other && orderId.equals(other.orderId) && protocol.equals(other.protocol)
                    && asset.equals(other.asset);
        }

        @Override
        public int hashCode() {
            return Objects.hash(orderId, protocol, asset);
        }
    }
}
