package dev.confirma.common.openapi;

/**
 * The names resources use in their OpenAPI annotations: the security schemes, tags and error
 * bodies the package's {@code @OpenAPIDefinition} (package-info) declares once.
 */
public final class ApiDocumentation {

    /** Security schemes. */
    public static final String STORE_KEY = "storeKey";
    public static final String STORE_BEARER = "storeBearer";
    public static final String OPERATOR_TOKEN = "operatorToken";
    public static final String SESSION_TOKEN = "sessionToken";
    public static final String SESSION_BEARER = "sessionBearer";

    /** Tags, one per API or part of one. */
    public static final String PLUGIN_API = "Plugin API";
    public static final String ORDERS_API = "Orders API v1";
    public static final String WEBHOOKS = "Webhooks";
    public static final String REPORTS = "Reports & analytics";
    public static final String CUSTOMERS = "Customers";
    public static final String FRAUD = "Fraud";
    public static final String OPERATOR = "Operator";
    public static final String HOSTED_PAGE = "Hosted payment page";
    public static final String HEALTH = "Health";

    /** The error bodies, as component schemas. */
    public static final String ERROR_BODY = "ErrorBody";
    public static final String PROBLEM = "Problem";

    static final String DESCRIPTION = """
            Confirma is a self-hosted crypto checkout server: shops' plugins post checkouts, shoppers pay on its \
            hosted page with CELO, ETH or stablecoins on Celo and Ethereum, it watches the chains, confirms each \
            payment against the order total at market rates, and posts the signed result to the order's `callbackUrl`.

            | API | paths | credential |
            | --- | --- | --- |
            | Plugin API (Cryptum-compatible) | `/plugins/**` | `x-api-key: <store key>` |
            | Orders API v1 (merchant) | `/v1/**` | `Authorization: Bearer <store key>` (or `x-api-key`) |
            | Operator API | `/admin/**` | `Authorization: Bearer <operator token>` |
            | Hosted payment page | `/pay/**`, `/public/**` | the order's `sessionToken` (query, or Bearer) |

            **Errors.** Every 4xx and 5xx is JSON: `{"message", "status": "failed", "error": {"code", "message", \
            "field"?}}` (schema `ErrorBody`). Under `/v1` it is `application/problem+json` (schema `Problem`): \
            `type`, `title`, `status`, `detail` and `errors: [{field, message}]` naming every invalid field, with \
            `message` and `error` kept beside them. A refused request changes nothing. A store never sees another \
            store's orders: a foreign or unknown id answers 404.

            **Money** is a decimal string (or a JSON number read exactly), never a binary float; amounts on chain \
            are integer base units, as strings. **Idempotency:** `Idempotency-Key` on checkouts and on every POST \
            under `/v1` (the same key and body answer the stored response; another body 422; still running 409).
            """;

    private ApiDocumentation() {
    }
}
