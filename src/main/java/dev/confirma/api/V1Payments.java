package dev.confirma.api;

import dev.confirma.chain.evm.TransactionHash;
import dev.confirma.common.error.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.confirma.chain.AssetCatalog;
import dev.confirma.chain.Chains;
import dev.confirma.chain.Protocol;
import dev.confirma.common.json.JsonRequest;
import dev.confirma.order.Order;
import dev.confirma.order.OrderQuote;
import dev.confirma.payment.PaymentClaims;
import dev.confirma.shopper.PaymentLinks;
import dev.confirma.store.Store;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /v1/orders/{id}/pay}: how to pay the order (its quotes and the hosted page), and,
 * given a {@code transaction_hash}, a claim of its payment checked on chain like the plugin's.
 */
@Singleton
class V1Payments {

    private static final Set<String> FIELDS = Set.of("transaction_hash", "chain", "asset");

    private final PaymentClaims claims;
    private final PaymentLinks links;
    private final Chains chains;
    private final AssetCatalog assets;

    V1Payments(PaymentClaims claims, PaymentLinks links, Chains chains, AssetCatalog assets) {
        this.claims = claims;
        this.links = links;
        this.chains = chains;
        this.assets = assets;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "V1PayView")
    record PayView(String orderId, String status, String paymentStatus, String paymentUrl, Instant expiresAt,
                   List<V1OrderView.Quote> quotes, String transactionHash) {
    }

    /** A claim read from a pay body: a hash, with the chain and asset paid when the caller names them. */
    record Claim(String hash, Optional<Protocol> chain, Optional<String> asset) {
    }

    Optional<Claim> read(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        JsonRequest body = JsonRequest.body(node);
        FieldErrors errors = new FieldErrors();
        V1OrderRequests.unknownFields(node, "", FIELDS, errors);
        Optional<String> hash = errors.readOptional(() -> body.optionalText("transaction_hash", 66));
        if (hash.isPresent() && !TransactionHash.isWellFormed(hash.get())) {
            errors.refuse("transaction_hash", "transaction_hash must be 0x followed by 64 hexadecimal digits");
        }
        Optional<String> chainName = errors.readOptional(() -> body.optionalText("chain", 16));
        Optional<Protocol> chain = chainName.flatMap(name -> {
            Optional<Protocol> known = chains.parse(name);
            if (known.isEmpty()) {
                errors.refuse("chain", "chain must be one of " + chains.names());
            }
            return known;
        });
        Optional<String> asset = errors.readOptional(() -> body.optionalText("asset", 16)).flatMap(named -> {
            Optional<String> known = assets.canonicalSymbol(named);
            if (known.isEmpty()) {
                errors.refuse("asset", "asset must be one of " + String.join(", ", assets.symbols()));
            }
            return known;
        });
        if (hash.isEmpty() && errors.isEmpty() && (chainName.isPresent() || asset.isPresent())) {
            errors.refuse("transaction_hash", "transaction_hash is required when chain or asset is given");
        }
        errors.throwIfAny();
        return hash.map(h -> new Claim(h.toLowerCase(java.util.Locale.ROOT), chain, asset));
    }

    @Transactional
    public PayView pay(Store store, String orderId, Optional<Claim> claim) {
        Order order = V1Orders.require(store, orderId);
        List<OrderQuote> quotes = OrderQuote.forOrders(List.of(order.id));
        claim.ifPresent(c -> {
            requireQuoted(quotes, c);
            if (claims.claim(order, c.hash(), c.chain(), c.asset()) && order.awaitsPayment()) {
                // what the shopper says they paid with, as the plugin's claim records it; the chain's verdict replaces it.
                // The same hash sent again, or for a decided order, changes nothing of how it was paid.
                c.chain().ifPresent(chain -> order.blockchain = chain.name());
                c.asset().ifPresent(asset -> order.paymentMethod = asset);
            }
            Order.flush(); // a concurrent change to this order fails here, as a 409, not at commit
        });
        return new PayView(order.id, order.lifecycleStatus().name(), V1Spelling.of(order.paymentStatus()), links.of(order).url(),
                order.expiresAt, quotes.stream().map(V1OrderMapper::quote).toList(), order.transactionHash);
    }

    /** A named chain or asset must be one of the order's quotes. */
    private static void requireQuoted(List<OrderQuote> quotes, Claim claim) {
        boolean quoted = quotes.stream().anyMatch(q -> claim.chain().map(c -> c.name().equals(q.id.protocol)).orElse(true)
                && claim.asset().map(a -> a.equals(q.id.asset)).orElse(true));
        if (!quoted) {
            String offered = quotes.stream().map(q -> q.id.asset + " on " + q.id.protocol).collect(Collectors.joining(", "));
            String field = claim.asset().isPresent() ? "asset" : "chain";
            throw new InvalidFieldsException(List.of(new Problem.FieldError(field, "This order can be paid in " + offered + " only")));
        }
    }
}
