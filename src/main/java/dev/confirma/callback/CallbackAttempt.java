package dev.confirma.callback;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** One try at delivering a callback: what the receiver answered and how fast, or why nothing was sent. */
@Entity
@Table(name = "callback_attempts")
public class CallbackAttempt extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "delivery_seq", nullable = false)
    public Long deliverySeq;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;

    /** The HTTP status, or null when no answer came (refused, unreachable, timed out). */
    @Column(name = "status_code")
    public Integer statusCode;

    @Column(name = "latency_ms", nullable = false)
    public long latencyMs;

    /** The first bytes of the answer's body, as text. */
    @Column(name = "response_excerpt")
    public String responseExcerpt;

    @Column
    public String error;

    public static List<CallbackAttempt> forDeliveries(Collection<Long> seqs) {
        return list("deliverySeq in ?1 order by attemptedAt, id", seqs);
    }
}
