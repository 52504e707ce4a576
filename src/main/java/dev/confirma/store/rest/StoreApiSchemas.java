package dev.confirma.store.rest;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The store requests as the OpenAPI document shows them, with examples from the README's
 * walk-through; {@code StoreRequests} reads them by hand and stays the authority on what is refused.
 */
final class StoreApiSchemas {

    @Schema(name = "StoreRequest", description = "A store. On PATCH every field is optional and only the fields sent change;"
            + " on POST `name` is required.")
    record StoreRequest(
            @Schema(maxLength = 200, description = "Required on POST.") String name,
            @Schema(description = "At most one per chain.") List<Wallet> wallets,
            @Schema(description = "Added to the order total before pricing, 0–100, at most 4 decimal places.") BigDecimal markupPercentage,
            @Schema(description = "Taken off the order total before pricing, 0 to less than 100.") BigDecimal discountPercentage,
            @Schema(description = "Assets offered to shoppers (CELO, cUSD, USDC, ETH, …); absent: every configured asset.")
            List<String> acceptedAssets,
            @Schema(description = "IANA time zone for analytics periods (America/New_York); a fixed offset is refused.",
                    defaultValue = "UTC") String timeZone,
            @Schema(description = "Days after an order is final that its personal fields are erased, 1–3650; null: never.",
                    nullable = true) Integer retentionDays) {
    }

    @Schema(name = "WalletRequest", description = "A fixed address, or an xpub that gives each order its own address: not both.")
    record Wallet(
            @Schema(required = true, description = "A configured chain's name, upper-cased: CELO, ETHEREUM, …") String protocol,
            @Schema(description = "0x and 40 hex digits, EIP-55 checksum when mixed case.") String address,
            @Schema(description = "An account-level extended public key (watch-only).") String xpub) {
    }

    @Schema(name = "ApiKeyRequest", description = "No body issues a read-write key: a rotation.")
    record KeyRequest(
            @Schema(required = true, description = "[\"read\"] (GET only, added beside the others) or [\"read\",\"write\"] (a"
                    + " rotation).") List<String> scopes) {
    }

    @Schema(name = "StoreVerificationRequest")
    record Verification(
            @Schema(required = true, description = "The key's own store.") String storeId,
            @Schema(enumeration = "checkout") String plugin,
            @Schema(description = "wordpress, magento, api, …") String ecommerceType) {
    }

    @Schema(name = "StoreList")
    record Stores(List<StoreView> stores) {
    }

    @Schema(name = "ApiKeyList", description = "The store's keys: prefixes and scopes, never a key.")
    record Keys(List<AdminStoreResource.KeyView> apiKeys) {
    }

    static final String CREATE = """
            {"name": "Loja Demo",
             "wallets": [{"protocol": "CELO", "address": "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"},
                         {"protocol": "ETHEREUM", "address": "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"}],
             "markupPercentage": 1.5}
            """;

    static final String CREATED = """
            {"id": "3f0c1d2e-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "name": "Loja Demo",
             "wallets": [{"protocol": "CELO", "address": "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"},
                         {"protocol": "ETHEREUM", "address": "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"}],
             "markupPercentage": 1.5, "discountPercentage": 0,
             "acceptedAssets": ["CELO", "USDC", "USDT", "cEUR", "cREAL", "cUSD", "ETH"], "timeZone": "UTC",
             "webhookSecret": "whsec_q3v4Xb9RkP2mW7sT1yZ8cN5fH0jL6aE4dG2iU9oK3rQ",
             "apiKey": "ck_7Hn2Lp9Qx4Vr1Tk8Ws3Zb6Yd0Fg5Jm2Nc7Re4Ua9Ih1", "apiKeyPrefix": "ck_7Hn2Lp",
             "retentionDays": null, "createdAt": "2026-03-07T14:00:00Z", "updatedAt": "2026-03-07T14:00:00Z"}
            """;

    static final String XPUB = """
            {"name": "Loja Xpub", "wallets": [{"protocol": "CELO",
             "xpub": "xpub6ASuArnXKPbfEwhqN6e3mwBcDTgzisQN1wXN9BJcM47sSikHjJf3UFHKkNAWbWMiGj7Wf5uMash7SyYq527Hqck2AxYysAA7xmALppuCkwQ"}]}
            """;

    static final String PATCH = """
            {"markupPercentage": 2, "timeZone": "America/Sao_Paulo", "retentionDays": 365}
            """;

    static final String READ_ONLY_KEY = """
            {"scopes": ["read"]}
            """;

    static final String ROTATION = """
            {"scopes": ["read", "write"]}
            """;

    static final String VERIFY = """
            {"storeId": "3f0c1d2e-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "plugin": "checkout", "ecommerceType": "wordpress"}
            """;

    private StoreApiSchemas() {
    }
}
