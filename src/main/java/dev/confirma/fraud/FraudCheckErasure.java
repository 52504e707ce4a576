package dev.confirma.fraud;

import dev.confirma.privacy.PersonalDataCopies;
import dev.confirma.privacy.PersonalFields;
import jakarta.inject.Singleton;

/**
 * An erased order's screening forgets its shopper: the hashes of the email and client address
 * (pseudonymous data still) are removed; the score and the rules that fired stay for the books.
 */
@Singleton
class FraudCheckErasure implements PersonalDataCopies {

    @Override
    public int scrub(String storeId, String orderId, PersonalFields fields) {
        FraudCheck.update("emailHash = null, clientIpHash = null where orderId = ?1", orderId);
        return 0; // no stored text (callback body or answer) changed
    }
}
