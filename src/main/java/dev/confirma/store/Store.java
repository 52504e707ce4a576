package dev.confirma.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import dev.confirma.chain.Protocol;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A merchant's shop: where its money goes (wallets) and how its prices are adjusted. */
@Entity
@Table(name = "stores")
public class Store extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "markup_percentage", nullable = false, precision = 9, scale = 4)
    public BigDecimal markupPercentage;

    @Column(name = "discount_percentage", nullable = false, precision = 9, scale = 4)
    public BigDecimal discountPercentage;

    /** Comma-separated symbols, or null for every asset the server accepts. */
    @Column(name = "accepted_assets")
    public String acceptedAssets;

    /** The IANA zone (Europe/Berlin, UTC) the store's analytics count days, weeks and months in. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone = "UTC";

    @Column(name = "webhook_secret", nullable = false)
    public String webhookSecret;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "store_wallets", joinColumns = @JoinColumn(name = "store_id"))
    public List<StoreWallet> wallets = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** Days after an order is final that its personal fields are erased; null: never (the default). */
    @Column(name = "retention_days")
    public Integer retentionDays;

    /** {@link #timeZone} as a zone; a name stored is always one java.time knows (checked on the way in). */
    public java.time.ZoneId zone() {
        return java.time.ZoneId.of(timeZone);
    }

    public static Optional<Store> findActive(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return Store.<Store>findByIdOptional(id).filter(store -> store.deletedAt == null);
    }

    /** Every active store's wallet address on one chain: where payments arrive. */
    public static List<String> walletAddresses(Protocol protocol) {
        return getEntityManager().createQuery(
                        "select w.address from Store s join s.wallets w where s.deletedAt is null and w.protocol = :protocol"
                                + " and w.address is not null", String.class)
                .setParameter("protocol", protocol)
                .getResultList();
    }

    public static List<Store> listActive() {
        return list("deletedAt is null order by createdAt");
    }
}
