package dev.confirma.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confirma.chain.AssetCatalog;
import dev.confirma.chain.Chains;
import dev.confirma.chain.Protocol;
import java.util.HashSet;
import dev.confirma.chain.evm.EvmAddress;
import dev.confirma.chain.evm.ExtendedPublicKey;
import dev.confirma.common.Money;
import dev.confirma.common.error.ApiException;
import dev.confirma.common.json.JsonRequest;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads and checks the operator's store requests; nothing invalid gets past it. */
@Singleton
public class StoreRequests {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final String RETENTION_DAYS = "retentionDays";
    private static final int MAX_RETENTION_DAYS = 3650;
    /** An old key kept longer than this is a second key, not a rotation: issue a read-only key or keep the old one. */
    static final Duration MAX_GRACE = Duration.ofDays(30);

    private final AssetCatalog assets;
    private final Chains chains;

    StoreRequests(AssetCatalog assets, Chains chains) {
        this.chains = chains;
        this.assets = assets;
    }

    public StoreDraft forCreate(JsonNode json) {
        JsonRequest body = JsonRequest.body(json);
        body.requiredText("name", 200);
        return read(json, body);
    }

    /**
     * A rotation's {@code ?grace=}: how long the replaced keys keep working, an ISO-8601
     * duration from {@code PT0S} (revoked at once) to {@link #MAX_GRACE}; absent: the configured one.
     */
    public Optional<Duration> grace(List<String> values) {
        if (values == null) {
            return Optional.empty();
        }
        if (values.size() != 1 || values.get(0) == null || values.get(0).isBlank()) {
            throw ApiException.invalidField("grace", "grace must be given once, as an ISO-8601 duration such as PT1H");
        }
        String text = values.get(0);
        Duration grace;
        try {
            grace = Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField("grace", "grace must be an ISO-8601 duration such as PT1H, or PT0S to revoke the old keys at once");
        }
        if (grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
            throw ApiException.invalidField("grace", "grace must be between PT0S and " + MAX_GRACE.toDays() + " days (P" + MAX_GRACE.toDays() + "D)");
        }
        return Optional.of(grace);
    }

    /** {@code {"scopes":["read"]}} or {@code ["read","write"]}; no body is a key that may read and write. */
    public KeyScopes scopes(JsonNode json) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            return KeyScopes.READ_WRITE;
        }
        JsonRequest body = JsonRequest.body(json);
        for (java.util.Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("scopes")) {
                throw ApiException.invalidField(name, name + " is not a field of a key; send {\"scopes\":[\"read\"]} or [\"read\",\"write\"]");
            }
        }
        // a body names its scopes: an empty one must not rotate every key by default
        java.util.Set<String> scopes = new java.util.TreeSet<>(body.optionalTexts("scopes")
                .orElseThrow(() -> ApiException.missingField("scopes")));
        if (scopes.equals(java.util.Set.of("read"))) {
            return KeyScopes.READ;
        }
        if (scopes.equals(java.util.Set.of("read", "write"))) {
            return KeyScopes.READ_WRITE;
        }
        throw ApiException.invalidField("scopes", "scopes must be [\"read\"] (GET only) or [\"read\",\"write\"]");
    }

    public StoreDraft forPatch(JsonNode json) {
        return read(json, JsonRequest.body(json));
    }

    private StoreDraft read(JsonNode json, JsonRequest body) {
        return new StoreDraft(
                body.optionalText("name", 200),
                body.optionalObjects("wallets").map(this::wallets),
                body.optionalDecimal("markupPercentage").map(m -> percentage(body, "markupPercentage", m, true)),
                body.optionalDecimal("discountPercentage").map(d -> percentage(body, "discountPercentage", d, false)),
                body.optionalTexts("acceptedAssets").map(this::acceptedAssets),
                retention(json),
                body.optionalText("timeZone", 64).map(zone -> timeZone(body, zone)));
    }

    /** Absent: unchanged (off for a new store); null: off; else whole days, 1 to 3650. */
    private static Optional<StoreDraft.Retention> retention(JsonNode json) {
        if (!json.has(RETENTION_DAYS)) {
            return Optional.empty();
        }
        JsonNode days = json.get(RETENTION_DAYS);
        if (days.isNull()) {
            return Optional.of(new StoreDraft.Retention(null));
        }
        if (!days.isIntegralNumber() || !days.canConvertToInt() || days.intValue() < 1 || days.intValue() > MAX_RETENTION_DAYS) {
            throw ApiException.invalidField(RETENTION_DAYS, RETENTION_DAYS + " must be a whole number of days from 1 to "
                    + MAX_RETENTION_DAYS + ", or null for no automatic erasure");
        }
        return Optional.of(new StoreDraft.Retention(days.intValue()));
    }

    private List<StoreWallet> wallets(List<JsonRequest> items) {
        List<StoreWallet> wallets = new ArrayList<>();
        Set<Protocol> seen = new HashSet<>();
        for (JsonRequest item : items) {
            String protocolText = item.requiredText("protocol", 32);
            Protocol protocol = chains.parse(protocolText).orElseThrow(() -> ApiException.invalidField(
                    item.name("protocol"), item.name("protocol") + " must be " + chains.names() + ", not " + protocolText));
            if (!seen.add(protocol)) {
                throw ApiException.invalidField(item.name("protocol"), "only one wallet per protocol: " + protocol + " is repeated");
            }
            Optional<String> xpub = item.optionalText("xpub", 120);
            Optional<String> addressText = item.optionalText("address", 64);
            if (xpub.isPresent() && addressText.isPresent()) {
                throw ApiException.invalidField(item.name("xpub"), item.name("xpub")
                        + ": a wallet is a fixed address or an xpub that gives each order its own address, not both");
            }
            wallets.add(xpub.isPresent() ? StoreWallet.derived(protocol, xpub(item, xpub.get()))
                    : StoreWallet.fixed(protocol, address(item, item.requiredText("address", 64))));
        }
        return wallets;
    }

    private static String address(JsonRequest item, String text) {
        String address = EvmAddress.parse(text).orElseThrow(() -> ApiException.invalidField(item.name("address"),
                item.name("address") + " is not a valid address (0x and 40 hex digits, EIP-55 checksum when mixed case)"));
        if (EvmAddress.isZero(address)) {
            throw ApiException.invalidField(item.name("address"), "the zero address cannot receive payments");
        }
        return address;
    }

    /** An account-level xpub: every order's address is derived from it, so it must derive. */
    private static String xpub(JsonRequest item, String text) {
        try {
            ExtendedPublicKey.parse(text).derive(0, 0);
            return text;
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw ApiException.invalidField(item.name("xpub"), item.name("xpub") + " is not a usable extended public key: " + e.getMessage());
        }
    }

    private static BigDecimal percentage(JsonRequest body, String field, BigDecimal value, boolean mayReachHundred) {
        boolean inRange = value.signum() >= 0
                && (mayReachHundred ? value.compareTo(HUNDRED) <= 0 : value.compareTo(HUNDRED) < 0);
        if (!inRange) {
            throw ApiException.invalidField(body.name(field),
                    field + " must be between 0 and " + (mayReachHundred ? "100" : "less than 100"));
        }
        if (Money.significantScale(value) > 4) {
            throw ApiException.invalidField(body.name(field), field + " may have at most 4 decimal places");
        }
        return value;
    }

    /** An IANA region name (America/New_York) or UTC; a fixed offset such as +02:00 knows no summer time, so it is refused. */
    private static String timeZone(JsonRequest body, String text) {
        try {
            java.time.ZoneId zone = java.time.ZoneId.of(text);
            // an offset (+02:00, GMT+1, UTC+05:00) has no summer time: its days would drift from the shop's
            if (zone instanceof java.time.ZoneOffset && !text.equals("UTC") || text.matches("(?i)(UTC|GMT|UT)?[+-].*")) {
                throw new java.time.DateTimeException("an offset, not a zone");
            }
            return zone.getId();
        } catch (java.time.DateTimeException unknown) {
            throw ApiException.invalidField(body.name("timeZone"), "timeZone must be an IANA time zone such as UTC, Europe/Berlin"
                    + " or America/New_York, not " + text);
        }
    }

    private List<String> acceptedAssets(List<String> symbols) {
        if (symbols.isEmpty()) {
            throw ApiException.invalidField("acceptedAssets", "acceptedAssets must list at least one asset, or be left out to accept all");
        }
        Set<String> canonical = new LinkedHashSet<>();
        for (String symbol : symbols) {
            canonical.add(assets.canonicalSymbol(symbol).orElseThrow(() -> ApiException.invalidField("acceptedAssets",
                    "acceptedAssets: " + symbol + " is not an asset this server accepts (" + String.join(", ", assets.symbols()) + ")")));
        }
        return List.copyOf(canonical);
    }
}
