package dev.confirma.api;

import dev.confirma.common.openapi.ApiDocumentation;
import dev.confirma.reporting.OrderFilter;
import dev.confirma.reporting.OrderReports;
import dev.confirma.store.Caller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /v1/reports/orders.csv} and {@code payments.csv}: every order (or payment of an order)
 * the filters of {@code GET /v1/orders} keep, oldest first, streamed as RFC 4180 CSV by {@link OrderReports}.
 * The filters are checked before the first byte is sent, so a bad one is still a problem+json 400.
 */
@Path("/v1/reports")
@Tag(name = ApiDocumentation.REPORTS)
@SecurityRequirement(name = ApiDocumentation.STORE_BEARER)
@SecurityRequirement(name = ApiDocumentation.STORE_KEY)
public class V1Reports {

    static final String CSV = "text/csv; charset=utf-8";
    /** Refusals stay problem+json, though the answer is CSV. */
    private static final String PROBLEM = "application/problem+json";

    private final Caller caller;
    private final V1OrderSearch search;
    private final OrderReports reports;

    V1Reports(Caller caller, V1OrderSearch search, OrderReports reports) {
        this.caller = caller;
        this.search = search;
        this.reports = reports;
    }

    @GET
    @Path("/orders.csv")
    @Produces(CSV)
    @Operation(summary = "Orders as CSV", description = "Every order the filters of `GET /v1/orders` keep, oldest first,"
            + " streamed as RFC 4180 CSV (formula cells neutralised). A bad filter is still a problem+json 400.")
    @Parameter(name = "customer_id", in = ParameterIn.QUERY)
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "Lifecycle statuses, comma-separated")
    @Parameter(name = "created_after", in = ParameterIn.QUERY, description = "ISO-8601 date or date-time")
    @Parameter(name = "created_before", in = ParameterIn.QUERY, description = "ISO-8601 date or date-time")
    @Parameter(name = "amount_min", in = ParameterIn.QUERY, description = "On `total`, a decimal")
    @Parameter(name = "amount_max", in = ParameterIn.QUERY, description = "On `total`, a decimal")
    @APIResponse(responseCode = "200", description = "The CSV, as an attachment",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "429", description = "`too_many_reports`: as many reports as `confirma.reports.max-concurrent` are"
            + " streaming already.", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "too_many_reports",
            value = V1ApiSchemas.TOO_MANY_REPORTS)))
    public Response orders(@Context UriInfo uri) {
        String storeId = caller.store().id;
        OrderFilter filter = filter(uri, "GET /v1/reports/orders.csv");
        return attachment(reports.orders(storeId, filter), "orders.csv");
    }

    @GET
    @Path("/payments.csv")
    @Produces(CSV)
    @Operation(summary = "Payments as CSV", description = "Every payment of the orders the filters keep, oldest first,"
            + " streamed as RFC 4180 CSV.")
    @Parameter(name = "customer_id", in = ParameterIn.QUERY)
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "Lifecycle statuses, comma-separated")
    @Parameter(name = "created_after", in = ParameterIn.QUERY, description = "ISO-8601 date or date-time")
    @Parameter(name = "created_before", in = ParameterIn.QUERY, description = "ISO-8601 date or date-time")
    @Parameter(name = "amount_min", in = ParameterIn.QUERY, description = "On `total`, a decimal")
    @Parameter(name = "amount_max", in = ParameterIn.QUERY, description = "On `total`, a decimal")
    @APIResponse(responseCode = "200", description = "The CSV, as an attachment",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "429", description = "`too_many_reports`: as many reports as `confirma.reports.max-concurrent` are"
            + " streaming already.", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "too_many_reports",
            value = V1ApiSchemas.TOO_MANY_REPORTS)))
    public Response payments(@Context UriInfo uri) {
        String storeId = caller.store().id;
        OrderFilter filter = filter(uri, "GET /v1/reports/payments.csv");
        return attachment(reports.payments(storeId, filter), "payments.csv");
    }

    private OrderFilter filter(UriInfo uri, String request) {
        V1OrderSearch.Criteria c = search.filters(uri.getQueryParameters(), request);
        return new OrderFilter(c.customerId(), c.statuses(), c.createdAfter(), c.createdBefore(), c.amountMin(), c.amountMax());
    }

    private static Response attachment(StreamingOutput body, String name) {
        return Response.ok(body, CSV)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
