package dev.confirma.privacy;

import dev.confirma.common.text.QueryNumbers;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.confirma.common.error.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Writes and reads the audit log of customer data: exports, erasures on request, erasures by retention. */
@Singleton
public class AuditLog {

    public static final String EXPORT = "customer.export";
    public static final String ERASE = "customer.erase";
    public static final String RETENTION_ERASE = "customer.retention_erase";
    /** Who acts when no store key does: the retention job. */
    public static final String SYSTEM = "system";
    static final int MAX_LIMIT = 200;

    private final Clock clock;

    AuditLog(Clock clock) {
        this.clock = clock;
    }

    /** Written in a transaction of its own, after the work it records. */
    void record(String actor, String storeId, String action, String subject, String detail) {
        QuarkusTransaction.requiringNew().run(() -> {
            AuditEntry entry = new AuditEntry();
            entry.id = UUID.randomUUID().toString();
            entry.occurredAt = clock.instant();
            entry.actor = actor;
            entry.storeId = storeId;
            entry.action = action;
            entry.subject = subject;
            entry.detail = detail;
            entry.persist();
        });
    }

    /** Newest first; every store's, or one store's. */
    public Page list(String storeId, String limit, String offset) {
        int max = QueryNumbers.integer("limit", limit, 50, 1, MAX_LIMIT);
        int skip = QueryNumbers.integer("offset", offset, 0, 0, Integer.MAX_VALUE);
        if (storeId != null && storeId.length() > 36) {
            throw ApiException.invalidField("store_id", "store_id must be a store id (at most 36 characters)");
        }
        boolean all = storeId == null || storeId.isBlank();
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = all ? AuditEntry.<AuditEntry>find("order by occurredAt desc, id desc")
                    : AuditEntry.<AuditEntry>find("storeId = ?1 order by occurredAt desc, id desc", storeId.trim());
            long total = query.count();
            List<Entry> entries = query.range(skip, skip + max - 1).list().stream()
                    .map(e -> new Entry(e.id, e.occurredAt, e.actor, e.storeId, e.action, e.subject, e.detail)).toList();
            return new Page(entries, total, skip + entries.size() < total);
        });
    }


    /** An audit row as the operator reads it; {@code detail} is the counts as a JSON object. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "AuditEntry")
    public record Entry(String id, Instant at, String actor, String storeId, String action, String subject,
                        @JsonRawValue String detail) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "AuditLogPage")
    public record Page(List<Entry> data, long totalCount, boolean hasMore) {
    }
}
