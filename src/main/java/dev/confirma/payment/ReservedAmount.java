package dev.confirma.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An open order's exact amount due in one asset at one address. No two open orders share
 * one, so a payment that arrives without a claim names its order by its amount. At a shared
 * wallet it is a rung of a ladder handed out by {@link UniqueAmounts}; at an order's own
 * deposit address it is simply the amount due.
 */
@Entity
@Table(name = "reserved_amounts")
public class ReservedAmount extends PanacheEntityBase {

    @EmbeddedId
    public Id id;

    @Column(name = "order_id", nullable = false)
    public String orderId;

    /** The ladder's amount due; null at an order's own deposit address, which has no ladder. */
    @Column(name = "due_base_units", precision = 78, scale = 0)
    public BigInteger dueBaseUnits;

    @Column(name = "reserved_until", nullable = false)
    public Instant reservedUntil;

    /** Holds the amount due at an order's own deposit address: no other order is asked an amount there. */
    public static void holdAtOwnAddress(String protocol, String asset, String address, BigInteger due, String orderId,
                                        Instant until) {
        ReservedAmount reservation = new ReservedAmount();
        reservation.id = new Id(protocol, asset, address, due);
        reservation.orderId = orderId;
        reservation.reservedUntil = until;
        reservation.persist();
    }

    /** The order whose amount this is, if its reservation still holds at {@code at} (it holds until its end, exclusive). */
    public static Optional<String> orderFor(String protocol, String asset, String address, BigInteger amount, Instant at) {
        return ReservedAmount.<ReservedAmount>findByIdOptional(new Id(protocol, asset, address, amount))
                .filter(r -> r.reservedUntil.isAfter(at))
                .map(r -> r.orderId);
    }

    @Embeddable
    public static class Id implements Serializable {
        @Column(nullable = false)
        public String protocol;

        @Column(nullable = false)
        public String asset;

        @Column(nullable = false)
        public String address;

        @Column(name = "amount_base_units", nullable = false, precision = 78, scale = 0)
        public BigInteger amountBaseUnits;

        public Id() {
        }

        public Id(String protocol, String asset, String address, BigInteger amountBaseUnits) {
            this.protocol = protocol;
            this.asset = asset;
            this.address = address;
            this.amountBaseUnits = amountBaseUnits;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Id other && protocol.equals(other.protocol) && asset.equals(other.asset)
                    && address.equals(other.address) && amountBaseUnits.equals(other.amountBaseUnits);
        }

        @Override
        public int hashCode() {
            return Objects.hash(protocol, asset, address, amountBaseUnits);
        }
    }
}
