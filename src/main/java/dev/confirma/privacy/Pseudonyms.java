package dev.confirma.privacy;

import dev.confirma.common.KeyedHash;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * What an erased order keeps as its customer id: the same one-way name for every order of that
 * customer in the store, so the books still group them, and none that leads back to the person
 * (keyed with a server secret: a run of customer numbers cannot be hashed to find it again).
 */
@Singleton
public class Pseudonyms {

    public static final String PREFIX = "erased_";
    static final String KEY_NAME = "pseudonym-key";
    /** Whom the audit log names: the reference, keyed the same way under a key of its own. */
    static final String SUBJECT_KEY_NAME = "audit-subject-key";

    private final KeyedHash hashes;
    /** A key given outright (tests of the scrubbing); null: the server's. */
    private final byte[] key;

    @Inject
    Pseudonyms(KeyedHash hashes) {
        this(hashes, null);
    }

    private Pseudonyms(KeyedHash hashes, byte[] key) {
        this.hashes = hashes;
        this.key = key;
    }

    static Pseudonyms withKey(byte[] key) {
        return new Pseudonyms(null, key.clone());
    }

    public String of(String storeId, String customerId) {
        return of(key != null ? key : hashes.key(KEY_NAME), storeId, customerId);
    }

    static String of(byte[] key, String storeId, String customerId) {
        if (customerId == null || customerId.startsWith(PREFIX)) {
            return customerId;
        }
        return PREFIX + KeyedHash.hex(key, storeId + ":" + customerId).substring(0, 32);
    }

    /** The audit log's subject for a reference: keyed, emails in lower case; never the value. */
    String subject(CustomerReference customer) {
        return hashes.hex(SUBJECT_KEY_NAME, customer.normalised());
    }
}
