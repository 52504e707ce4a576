package dev.confirma.api.idempotency;

import dev.confirma.privacy.PersonalDataCopies;
import dev.confirma.privacy.PersonalFields;
import jakarta.inject.Singleton;

/**
 * An answer kept for an Idempotency-Key holds the order as it was (its shipping address, its
 * metadata): when the order is erased, so are those fields of the answers that show it. The
 * answer stays, so a retry with the key still replays rather than creating a second order.
 */
@Singleton
class StoredAnswerErasure implements PersonalDataCopies {

    @Override
    public int scrub(String storeId, String orderId, PersonalFields fields) {
        int changed = 0;
        for (IdempotentRequest answer : IdempotentRequest.<IdempotentRequest>list("key.storeId = ?1 and body like ?2", storeId,
                "%" + orderId + "%")) {
            String scrubbed = fields.scrubOrder(answer.body, orderId);
            if (!scrubbed.equals(answer.body)) {
                answer.body = scrubbed;
                changed++;
            }
        }
        return changed;
    }
}
