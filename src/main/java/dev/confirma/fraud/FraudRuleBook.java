package dev.confirma.fraud;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** A store's fraud rules: read, replaced whole, or removed (screening off). */
@ApplicationScoped
public class FraudRuleBook {

    private final Clock clock;

    FraudRuleBook(Clock clock) {
        this.clock = clock;
    }

    public record Stored(FraudRules rules, Instant updatedAt) {
    }

    @Transactional
    public Optional<Stored> of(String storeId) {
        return FraudRuleSet.<FraudRuleSet>findByIdOptional(storeId).map(set -> new Stored(FraudRules.fromJson(set.rules), set.updatedAt));
    }

    /** Applies to orders made from now on; orders already scored keep their score. */
    @Transactional
    public Stored replace(String storeId, FraudRules rules) {
        FraudRuleSet set = FraudRuleSet.findById(storeId, LockModeType.PESSIMISTIC_WRITE);
        boolean first = set == null;
        if (first) {
            set = new FraudRuleSet();
            set.storeId = storeId;
        }
        set.threshold = rules.threshold();
        set.rules = rules.toJson();
        set.updatedAt = clock.instant();
        if (first) {
            set.persist();
        }
        return new Stored(rules, set.updatedAt);
    }

    @Transactional
    public void remove(String storeId) {
        FraudRuleSet.delete("storeId", storeId);
    }
}
