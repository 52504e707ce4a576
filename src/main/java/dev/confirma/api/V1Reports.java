package dev.confirma.api;

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

/**
 * {@code GET /v1/reports/orders.csv} and {@code payments.csv}: every order (or payment of an order)
 * the filters of {@code GET /v1/orders} keep, oldest first, streamed as RFC 4180 CSV by {@link OrderReports}.
 * The filters are checked before the first byte is sent, so a bad one is still a problem+json 400.
 */
@Path("/v1/reports")
public class V1Reports {

    static final String CSV = "text/csv; charset=utf-8";

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
    public Response orders(@Context UriInfo uri) {
        String storeId = caller.store().id;
        OrderFilter filter = filter(uri, "GET /v1/reports/orders.csv");
        return attachment(reports.orders(storeId, filter), "orders.csv");
    }

    @GET
    @Path("/payments.csv")
    @Produces(CSV)
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
