package dev.confirma.privacy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of the audit log: who did what to whose data, when; counts, never personal values. */
@Entity
@Table(name = "audit_log")
class AuditEntry extends PanacheEntityBase {

    @Id
    String id;

    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;

    @Column(nullable = false)
    String actor;

    @Column(name = "store_id")
    String storeId;

    @Column(nullable = false)
    String action;

    @Column
    String subject;

    @Column
    String detail;
}
