package dev.confirma.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * An order's own address on one chain, derived from its store's xpub. The primary key makes it
 * one order per address, ever: whatever arrives there is that order's.
 */
@Entity
@Table(name = "deposit_addresses")
public class DepositAddress extends PanacheEntityBase {

    @EmbeddedId
    public Id id;

    @Column(name = "store_id", nullable = false)
    public String storeId;

    @Column(name = "order_id", nullable = false)
    public String orderId;

    @Column(name = "derivation_index", nullable = false)
    public long derivationIndex;

    /** The order whose address this is, on that chain. */
    static Optional<String> orderAt(String protocol, String address) {
        return DepositAddress.<DepositAddress>findByIdOptional(new Id(protocol, address)).map(d -> d.orderId);
    }

    @Embeddable
    public static class Id implements Serializable {
        @Column(nullable = false)
        public String protocol;

        @Column(nullable = false)
        public String address;

        public Id() {
        }

        public Id(String protocol, String address) {
            this.protocol = protocol;
            this.address = address;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Id other && protocol.equals(other.protocol) && address.equals(other.address);
        }

        @Override
        public int hashCode() {
            return Objects.hash(protocol, address);
        }
    }
}
