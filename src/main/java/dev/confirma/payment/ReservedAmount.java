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
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An open order's exact amount due in one asset at one address. No two open orders share
 * one, so a payment that arrives without a claim names its order by its amount. When the
 * amount due is taken, the order is asked one base unit more (1 wei, 0.000001 USDC), until
 * it is free; the primary key settles two checkouts racing for the same amount.
 */
@Entity
@Table(name = "reserved_amounts")
public class ReservedAmount extends PanacheEntityBase {

    @EmbeddedId
    public Id id;

    @Column(name = "order_id", nullable = false)
    public String orderId;

    @Column(name = "reserved_until", nullable = false)
    public Instant reservedUntil;

    /** Reserves the smallest free amount at or above {@code due} and returns it. Call inside the checkout's transaction. */
    public static BigInteger reserve(String protocol, String asset, String address, BigInteger due, String orderId,
                                     Instant until, Instant now) {
        delete("reservedUntil < ?1 and id.protocol = ?2 and id.asset = ?3 and id.address = ?4", now, protocol, asset, address);
        List<BigInteger> taken = getEntityManager().createQuery("select r.id.amountBaseUnits from ReservedAmount r"
                        + " where r.id.protocol = ?1 and r.id.asset = ?2 and r.id.address = ?3 and r.id.amountBaseUnits >= ?4"
                        + " order by r.id.amountBaseUnits", BigInteger.class)
                .setParameter(1, protocol).setParameter(2, asset).setParameter(3, address).setParameter(4, due)
                .getResultList();
        BigInteger amount = due;
        for (BigInteger used : taken) {
            if (used.compareTo(amount) > 0) {
                break;
            }
            amount = amount.add(BigInteger.ONE);
        }
        ReservedAmount reservation = new ReservedAmount();
        reservation.id = new Id(protocol, asset, address, amount);
        reservation.orderId = orderId;
        reservation.reservedUntil = until;
        reservation.persist();
        return amount;
    }

    /** The order whose amount this is, if its reservation still holds at {@code at}. */
    public static Optional<String> orderFor(String protocol, String asset, String address, BigInteger amount, Instant at) {
        return ReservedAmount.<ReservedAmount>findByIdOptional(new Id(protocol, asset, address, amount))
                .filter(r -> !r.reservedUntil.isBefore(at))
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
