package dev.confirma.plugin;

import dev.confirma.chain.evm.TransactionHash;
import dev.confirma.order.PaymentStatus;
import com.fasterxml.jackson.databind.JsonNode;
import dev.confirma.chain.AssetCatalog;
import dev.confirma.chain.Chains;
import dev.confirma.chain.Protocol;
import dev.confirma.common.Money;
import dev.confirma.common.error.ApiException;
import dev.confirma.common.json.JsonRequest;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/** Reads {@code PUT /plugins/checkout/{orderId}} bodies and refuses anything invalid. */
@Singleton
public class OrderUpdateRequests {

    /** What NUMERIC(38, 18) holds. */
    private static final BigDecimal MAX_CONVERTED_TOTAL = BigDecimal.TEN.pow(20);

    private final AssetCatalog assets;
    private final Chains chains;

    OrderUpdateRequests(AssetCatalog assets, Chains chains) {
        this.chains = chains;
        this.assets = assets;
    }

    public OrderUpdate read(JsonNode json) {
        JsonRequest body = JsonRequest.body(json);
        Optional<String> hash = body.optionalText("transactionHash", 80).map(OrderUpdateRequests::transactionHash);
        Optional<Protocol> blockchain = body.optionalText("blockchain", 16).map(this::blockchain);
        Optional<String> paymentMethod = body.optionalText("paymentMethod", 16).map(symbol -> paymentMethod(symbol, blockchain));
        Optional<PaymentStatus> status = body.optionalText("paymentStatus", 16).map(OrderUpdateRequests::paymentStatus);
        Optional<BigDecimal> convertedTotal = body.optionalDecimal("convertedTotal").map(OrderUpdateRequests::convertedTotal);
        if (hash.isEmpty() && status.isEmpty() && blockchain.isEmpty() && paymentMethod.isEmpty() && convertedTotal.isEmpty()) {
            throw ApiException.badRequest("nothing_to_update",
                    "Nothing to update: send transactionHash, paymentStatus, blockchain, paymentMethod or convertedTotal");
        }
        return new OrderUpdate(hash, blockchain, paymentMethod, status, convertedTotal);
    }

    private static String transactionHash(String value) {
        if (!TransactionHash.isWellFormed(value)) {
            throw ApiException.invalidField("transactionHash", "transactionHash must be 0x followed by 64 hex digits");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private Protocol blockchain(String value) {
        Protocol protocol = chains.parse(value).orElseThrow(() ->
                ApiException.invalidField("blockchain", "blockchain must be " + chains.names()));
        if (assets.all().stream().noneMatch(a -> a.protocol().equals(protocol))) {
            throw ApiException.invalidField("blockchain", "blockchain " + protocol + " is not enabled on this server");
        }
        return protocol;
    }

    private String paymentMethod(String symbol, Optional<Protocol> blockchain) {
        String canonical = assets.canonicalSymbol(symbol).orElseThrow(() -> ApiException.invalidField("paymentMethod",
                "paymentMethod " + symbol + " is not an asset this server accepts (" + String.join(", ", assets.symbols()) + ")"));
        if (blockchain.isPresent() && assets.find(blockchain.get(), canonical).isEmpty()) {
            throw ApiException.invalidField("paymentMethod", "paymentMethod " + canonical + " is not accepted on " + blockchain.get());
        }
        return canonical;
    }

    private static PaymentStatus paymentStatus(String value) {
        PaymentStatus status = PluginStatus.parse(value).orElseThrow(() -> ApiException.invalidField("paymentStatus",
                "paymentStatus must be one of pending, on-hold, failed, cancelled"));
        if (status == PaymentStatus.CONFIRMED) {
            throw ApiException.invalidField("paymentStatus",
                    "paymentStatus confirmed is set by Confirma once the chain confirms the payment");
        }
        return status;
    }

    private static BigDecimal convertedTotal(BigDecimal value) {
        if (value.signum() <= 0 || Money.significantScale(value) > CheckoutRequests.MAX_FRACTION_DIGITS
                || value.compareTo(MAX_CONVERTED_TOTAL) >= 0) {
            throw ApiException.invalidField("convertedTotal", "convertedTotal must be greater than 0 and less than 10^20,"
                    + " with at most " + CheckoutRequests.MAX_FRACTION_DIGITS + " decimal places");
        }
        return value;
    }
}
