/**
 * The OpenAPI document of every API ({@code /q/openapi}, Swagger UI at {@code /q/swagger-ui}): what it
 * declares once (title, tags, the credentials of CONTRACT §1 as security schemes, the two error bodies),
 * here, where SmallRye reads a definition outside a JAX-RS Application; and {@link
 * dev.confirma.common.openapi.ErrorResponses}, which gives every operation the refusals all endpoints
 * share. Version and licence come from configuration ({@code quarkus.smallrye-openapi.info-*}).
 * Resources name schemes and tags by {@link dev.confirma.common.openapi.ApiDocumentation}'s constants.
 */
@OpenAPIDefinition(
        info = @Info(title = "Confirma", version = "0", description = ApiDocumentation.DESCRIPTION),
        tags = {
                @Tag(name = ApiDocumentation.PLUGIN_API, description = "The Cryptum-compatible API a shop's plugin calls (`/plugins`,"
                        + " header `x-api-key`): verify the store, post checkouts, attach a transaction hash, read orders and"
                        + " the callbacks sent for them."),
                @Tag(name = ApiDocumentation.ORDERS_API, description = "The merchant Orders API (`/v1/orders`, snake_case,"
                        + " `Authorization: Bearer <store key>`): create orders, run their lifecycle after payment (fulfil, ship,"
                        + " deliver, hold, return, dispute, refund verified on chain), bulk requests; and the market rates."),
                @Tag(name = ApiDocumentation.WEBHOOKS, description = "Webhook subscriptions to a store's order events (`/v1/webhooks`),"
                        + " signed like the plugin callbacks with the subscription's own secret."),
                @Tag(name = ApiDocumentation.REPORTS, description = "Analytics per day, week or month of the store's time zone,"
                        + " and CSV reports of orders and payments (`/v1/analytics`, `/v1/reports`)."),
                @Tag(name = ApiDocumentation.CUSTOMERS, description = "A customer's data: export, erasure (`/v1/customers`)."),
                @Tag(name = ApiDocumentation.FRAUD, description = "A store's fraud rules: orders that score at the threshold are"
                        + " held as soon as they are paid (`/v1/fraud/rules`)."),
                @Tag(name = ApiDocumentation.OPERATOR, description = "The operator API (`/admin`, `Authorization: Bearer <operator"
                        + " token>`): stores and their keys, chains, callback deliveries, disabled webhooks, the audit log."),
                @Tag(name = ApiDocumentation.HEALTH, description = "One JSON summary of the server's health (`/health`), open"
                        + " like Quarkus' `/q/health/live` and `/q/health/ready`, for load balancers and uptime monitors."),
                @Tag(name = ApiDocumentation.HOSTED_PAGE, description = "The hosted payment page and its JSON (`/pay`, `/public`),"
                        + " opened with the order's `sessionToken`.")
        },
        components = @Components(
                securitySchemes = {
                        @SecurityScheme(securitySchemeName = ApiDocumentation.STORE_KEY, type = SecuritySchemeType.APIKEY,
                                in = SecuritySchemeIn.HEADER, apiKeyName = "x-api-key",
                                description = "The store's API key (`ck_…`), shown once when the operator creates the store or a"
                                        + " key. Every `/plugins` path; also accepted on `/v1`. A read-only key (scopes `read`)"
                                        + " may only GET."),
                        @SecurityScheme(securitySchemeName = ApiDocumentation.STORE_BEARER, type = SecuritySchemeType.HTTP,
                                scheme = "bearer", description = "The store's API key as `Authorization: Bearer <key>`, on `/v1`."),
                        @SecurityScheme(securitySchemeName = ApiDocumentation.OPERATOR_TOKEN, type = SecuritySchemeType.HTTP,
                                scheme = "bearer", description = "The operator token (`confirma.admin-token`, or the one logged"
                                        + " at first start), as `Authorization: Bearer <token>`, on `/admin`."),
                        @SecurityScheme(securitySchemeName = ApiDocumentation.SESSION_TOKEN, type = SecuritySchemeType.APIKEY,
                                in = SecuritySchemeIn.QUERY, apiKeyName = "sessionToken",
                                description = "The shopper's session token for one order (the checkout's `sessionToken`, also in"
                                        + " its `paymentUrl`), as the query parameter `sessionToken`."),
                        @SecurityScheme(securitySchemeName = ApiDocumentation.SESSION_BEARER, type = SecuritySchemeType.HTTP,
                                scheme = "bearer", bearerFormat = "JWT",
                                description = "The same session token as `Authorization: Bearer <sessionToken>`.")
                },
                schemas = {
                        @Schema(name = ApiDocumentation.ERROR_BODY, implementation = ErrorBody.class),
                        @Schema(name = ApiDocumentation.PROBLEM, implementation = Problem.class)
                }))
package dev.confirma.common.openapi;

import dev.confirma.common.error.ErrorBody;
import dev.confirma.common.error.Problem;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
