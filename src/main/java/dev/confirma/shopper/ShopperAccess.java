package dev.confirma.shopper;

import dev.confirma.order.Order;
import dev.confirma.common.BearerToken;
import dev.confirma.common.error.ApiException;
import jakarta.inject.Singleton;

/** The shopper's way in: the order's session token, naming that order and not yet expired. */
@Singleton
public class ShopperAccess {

    private final SessionTokens tokens;

    ShopperAccess(SessionTokens tokens) {
        this.tokens = tokens;
    }

    /** The session token a shopper's request carries: the {@code sessionToken} query, else the Bearer header. */
    public static String token(String sessionTokenQuery, String authorizationHeader) {
        return sessionTokenQuery != null ? sessionTokenQuery : BearerToken.from(authorizationHeader);
    }

    /** Checks the token only; the order may still be unknown. */
    public void requireToken(String orderId, String token) {
        if (token == null || token.isBlank()) {
            throw new Denied(Denied.Reason.MISSING, "The order's sessionToken is required");
        }
        String tokenOrder = tokens.verify(token)
                .orElseThrow(() -> new Denied(Denied.Reason.INVALID, "The sessionToken is invalid or expired"));
        if (!tokenOrder.equals(orderId)) {
            throw new Denied(Denied.Reason.OTHER_ORDER, "The sessionToken is not for this order");
        }
    }

    public Order order(String orderId, String token) {
        requireToken(orderId, token);
        return Order.<Order>findByIdOptional(orderId)
                .orElseThrow(() -> new Denied(Denied.Reason.UNKNOWN_ORDER, "Order " + orderId + " not found"));
    }

    /** 401 for a missing, invalid, expired or foreign token; 404 for an order that is gone. */
    public static class Denied extends ApiException {

        public enum Reason { MISSING, INVALID, OTHER_ORDER, UNKNOWN_ORDER }

        private final Reason reason;

        Denied(Reason reason, String message) {
            super(reason == Reason.UNKNOWN_ORDER ? 404 : 401, reason == Reason.UNKNOWN_ORDER ? "not_found" : "unauthorized",
                    message, null);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }
}
