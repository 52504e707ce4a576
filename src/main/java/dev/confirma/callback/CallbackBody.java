package dev.confirma.callback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confirma.chain.watch.ChainTransfer;
import dev.confirma.order.Order;
import dev.confirma.payment.OrderPayment;
import dev.confirma.payment.PaymentClaim;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The callback body of CONTRACT §4, compact JSON in the contract's field order:
 * {@code {"orderId","ecommerceOrderId","storeId","paymentStatus","message","transactions":[{"protocol","hash"}],"event"}}.
 * It is rendered once, when the event is first sent (so it lists the hash attached in the
 * very request that caused it), and every retry and redelivery sends those same bytes.
 */
final class CallbackBody {

    // a plain mapper: the bytes signed must not depend on the server's JSON settings
    private static final ObjectMapper JSON = new ObjectMapper();

    private CallbackBody() {
    }

    static String render(CallbackDelivery delivery, Order order) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", order.id);
        body.put("ecommerceOrderId", order.ecommerceOrderId);
        body.put("storeId", order.storeId);
        body.put("paymentStatus", delivery.paymentStatus);
        body.put("message", delivery.message);
        body.put("transactions", transactions(order.id));
        body.put("event", delivery.event);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    /** Credited payments the chain showed, then claimed hashes it has not shown yet. */
    private static List<Map<String, String>> transactions(String orderId) {
        List<Map<String, String>> transactions = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (OrderPayment payment : OrderPayment.forOrders(List.of(orderId))) {
            ChainTransfer transfer = ChainTransfer.findById(payment.transferId);
            if (payment.credited && seen.add(transfer.txHash)) {
                transactions.add(transaction(transfer.chain, transfer.txHash));
            }
        }
        for (PaymentClaim claim : PaymentClaim.forOrders(List.of(orderId))) {
            if (seen.add(claim.id.transactionHash)) {
                transactions.add(transaction(claim.blockchain, claim.id.transactionHash));
            }
        }
        return transactions;
    }

    private static Map<String, String> transaction(String protocol, String hash) {
        Map<String, String> transaction = new LinkedHashMap<>();
        transaction.put("protocol", protocol);
        transaction.put("hash", hash);
        return transaction;
    }
}
