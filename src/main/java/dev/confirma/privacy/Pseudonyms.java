package dev.confirma.privacy;

import dev.confirma.common.Secrets;

/**
 * What an erased order keeps as its customer id: the same one-way name for every order of that
 * customer in the store, so the books still group them, and none that leads back to the person.
 */
public final class Pseudonyms {

    public static final String PREFIX = "erased_";

    private Pseudonyms() {
    }

    public static String of(String storeId, String customerId) {
        if (customerId == null || customerId.startsWith(PREFIX)) {
            return customerId;
        }
        return PREFIX + Secrets.sha256Hex(storeId + ":" + customerId).substring(0, 32);
    }
}
