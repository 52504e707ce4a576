/**
 * Customer data rights (issue 16): every order of one customer found by customer id or email,
 * their personal fields erased on request or after the store's retention period (amounts,
 * hashes, statuses and timelines kept for the books), and an audit log of both. Uses
 * {@code order}, {@code store}, {@code callback} (the stored callback bodies) and {@code common};
 * the merchant API's {@code /v1/customers} resource lives in {@code api}, which uses this package.
 * Other places keeping copies of an order's personal data implement {@link PersonalDataCopies}.
 */
package dev.confirma.privacy;
