package dev.confirma.privacy;

/**
 * A place outside the order that keeps copies of an order's personal data (for example the
 * merchant API's stored idempotent answers). It scrubs them, in the erasing transaction, when
 * the order is erased; the package that owns the copies implements this, so privacy knows
 * nothing of their shape.
 */
public interface PersonalDataCopies {

    /** Scrubs the copies of {@code orderId}'s personal data with {@code fields}; answers how many stored texts changed. */
    int scrub(String storeId, String orderId, PersonalFields fields);
}
