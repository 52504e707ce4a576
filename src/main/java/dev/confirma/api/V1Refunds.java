package dev.confirma.api;

import dev.confirma.chain.evm.TransactionHash;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.confirma.common.Money;
import dev.confirma.common.json.JsonRequest;
import dev.confirma.order.Actor;
import dev.confirma.refund.RefundRequest;
import dev.confirma.refund.RefundView;
import dev.confirma.refund.Refunds;
import dev.confirma.store.Store;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /v1/orders/{id}/refund}: reads the request, naming every malformed field at once;
 * the refund package checks it against the order and its chain, and verifies it.
 */
@Singleton
class V1Refunds {

    private static final Set<String> FIELDS = Set.of("amount", "asset", "to_address", "transaction_hash");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    private final Refunds refunds;

    V1Refunds(Refunds refunds) {
        this.refunds = refunds;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "V1Refund")
    record Refund(String id, String orderId, String chain, String asset, String amount, String toAddress, String transactionHash,
                  String status, String reason, Instant createdAt, Instant verifiedAt) {

        static Refund of(RefundView r) {
            return new Refund(r.id(), r.orderId(), r.protocol(), r.asset(), Money.plain(r.amount()).toPlainString(), r.toAddress(),
                    r.transactionHash(), r.status().name().toLowerCase(Locale.ROOT), r.reason(), r.createdAt(), r.verifiedAt());
        }
    }

    Refund request(Store store, Actor actor, String orderId, JsonNode node) {
        return Refund.of(refunds.request(orderId, store.id, read(node), actor));
    }

    private static RefundRequest read(JsonNode node) {
        JsonRequest body = JsonRequest.body(node);
        FieldErrors errors = new FieldErrors();
        V1OrderRequests.unknownFields(node, "", FIELDS, errors);
        Optional<BigDecimal> amount = errors.read(() -> body.requiredDecimal("amount"));
        if (amount.isPresent() && amount.get().signum() <= 0) {
            errors.refuse("amount", "amount must be greater than 0");
        }
        Optional<String> asset = errors.read(() -> body.requiredText("asset", 16));
        Optional<String> to = errors.read(() -> body.requiredText("to_address", 42));
        if (to.isPresent() && !ADDRESS.matcher(to.get()).matches()) {
            errors.refuse("to_address", "to_address must be an address: 0x followed by 40 hexadecimal digits");
        }
        Optional<String> hash = errors.readOptional(() -> body.optionalText("transaction_hash", 66));
        if (hash.isPresent() && !TransactionHash.isWellFormed(hash.get())) {
            errors.refuse("transaction_hash", "transaction_hash must be 0x followed by 64 hexadecimal digits");
        }
        errors.throwIfAny();
        return new RefundRequest(amount.orElseThrow(), asset.orElseThrow(), to.orElseThrow(), hash);
    }
}
