package dev.confirma.plugin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confirma.callback.CallbackBodies;
import dev.confirma.callback.CallbackDelivery;
import dev.confirma.order.Order;
import dev.confirma.payment.OrderTransactions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jakarta.inject.Singleton;

/**
 * The callback body of CONTRACT §4, compact JSON in the contract's field order:
 * {@code {"orderId","ecommerceOrderId","storeId","paymentStatus","message","transactions":[{"protocol","hash"}],"event"}}.
 * It is rendered once, when the event is first sent (so it lists the hash attached in the
 * very request that caused it), and every retry and redelivery sends those same bytes.
 */
@Singleton
class PluginCallbackBody implements CallbackBodies {

    // a plain mapper: the bytes signed must not depend on the server's JSON settings
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OrderTransactions transactions;

    PluginCallbackBody(OrderTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public String render(CallbackDelivery delivery) {
        Order order = Order.findById(delivery.orderId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", order.id);
        body.put("ecommerceOrderId", order.ecommerceOrderId);
        body.put("storeId", order.storeId);
        body.put("paymentStatus", delivery.paymentStatus);
        body.put("message", delivery.message);
        body.put("transactions", forTheOrder(transactions.of(order.id)));
        body.put("event", delivery.event);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    /**
     * From the order's transactions, one entry per hash: the credited payments, then the hashes
     * claimed for it that credit nothing (yet), in the order they were claimed and on the chain
     * the claim named.
     */
    private static List<Map<String, String>> forTheOrder(List<OrderTransactions.Transaction> all) {
        Set<String> seen = new LinkedHashSet<>();
        List<Map<String, String>> listed = new ArrayList<>();
        all.stream().filter(OrderTransactions.Transaction::isCredited).filter(t -> seen.add(t.hash()))
                .forEach(t -> listed.add(transaction(t.protocol(), t.hash())));
        all.stream().filter(t -> t.claim() != null)
                .sorted(Comparator.comparing((OrderTransactions.Transaction t) -> t.claim().at()).thenComparing(OrderTransactions.Transaction::hash))
                .filter(t -> seen.add(t.hash()))
                .forEach(t -> listed.add(transaction(t.claim().protocol(), t.hash())));
        return listed;
    }

    private static Map<String, String> transaction(String protocol, String hash) {
        Map<String, String> transaction = new LinkedHashMap<>();
        transaction.put("protocol", protocol);
        transaction.put("hash", hash);
        return transaction;
    }
}
