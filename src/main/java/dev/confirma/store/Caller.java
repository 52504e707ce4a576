package dev.confirma.store;

import dev.confirma.common.error.ApiException;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** Who is making the current request: a store (by API key) or a shopper (by session token). */
@RequestScoped
public class Caller {

    private Store store;
    private String keyPrefix;
    private String shopperOrderId;

    private KeyScopes scopes;

    public void authenticatedAsStore(Store store, String keyPrefix, KeyScopes scopes) {
        this.store = store;
        this.keyPrefix = keyPrefix;
        this.scopes = scopes;
    }

    /** Whether the calling key may change anything (a read-only key may not, and is shown nothing that could). */
    public boolean canWrite() {
        return store != null && scopes.canWrite();
    }

    /** The shown prefix of the key that authenticated the store: who acted, in an order's timeline. */
    public String keyPrefix() {
        store();
        return keyPrefix;
    }

    public void authenticatedAsShopper(String orderId) {
        this.shopperOrderId = orderId;
    }

    /** The calling store; the request filter has already refused callers without a key. */
    public Store store() {
        if (store == null) {
            throw ApiException.unauthorized("x-api-key header is required");
        }
        return store;
    }

    public Optional<Store> storeIfAny() {
        return Optional.ofNullable(store);
    }

    public Optional<String> shopperOrderId() {
        return Optional.ofNullable(shopperOrderId);
    }
}
