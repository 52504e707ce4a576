package dev.confirma.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.confirma.common.openapi.ApiDocumentation;
import dev.confirma.reporting.Grouping;
import dev.confirma.reporting.OrderAnalytics;
import dev.confirma.reporting.Periods;
import dev.confirma.store.Caller;
import dev.confirma.store.Store;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /v1/analytics/orders}: the store's orders per day, ISO week or month of its time zone,
 * per currency, with a summary. Parses and maps; {@link OrderAnalytics} counts, in SQL.
 */
@Path("/v1/analytics/orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocumentation.REPORTS)
@SecurityRequirement(name = ApiDocumentation.STORE_BEARER)
@SecurityRequirement(name = ApiDocumentation.STORE_KEY)
public class V1Analytics {

    static final int MAX_PERIODS = 1000;
    private static final Set<String> PARAMETERS = Set.of("start_date", "end_date", "group_by");

    private final Caller caller;
    private final OrderAnalytics analytics;

    V1Analytics(Caller caller, OrderAnalytics analytics) {
        this.caller = caller;
        this.analytics = analytics;
    }

    @GET
    @Operation(summary = "Order analytics", description = "The store's orders per day, ISO week or month of its time zone"
            + " (DST-correct), per currency: order and paid counts, revenue net of verified refunds, average order value;"
            + " every period listed, empty ones too, and a summary. At most 1000 periods.")
    @Parameter(name = "start_date", in = ParameterIn.QUERY, required = true, description = "ISO date in the store's time zone",
            schema = @Schema(type = SchemaType.STRING, format = "date", example = "2026-03-01"))
    @Parameter(name = "end_date", in = ParameterIn.QUERY, required = true, description = "ISO date in the store's time zone,"
            + " included", schema = @Schema(type = SchemaType.STRING, format = "date", example = "2026-03-31"))
    @Parameter(name = "group_by", in = ParameterIn.QUERY, schema = @Schema(enumeration = {"day", "week", "month"}, defaultValue = "day"))
    @APIResponse(responseCode = "200", description = "The periods and the summary")
    public Answer orders(@Context UriInfo uri) {
        Store store = caller.store();
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        FieldErrors errors = new FieldErrors();
        for (String name : query.keySet()) {
            if (!PARAMETERS.contains(name)) {
                errors.refuse(name, name + " is not a parameter of GET /v1/analytics/orders (end_date, group_by, start_date)");
            } else if (query.get(name).size() > 1) {
                errors.refuse(name, name + " may be given once");
            }
        }
        Optional<LocalDate> start = date(query, "start_date", errors);
        Optional<LocalDate> end = date(query, "end_date", errors);
        String groupText = Optional.ofNullable(query.getFirst("group_by")).map(String::trim).orElse("day");
        Optional<Grouping> grouping = Grouping.parse(groupText);
        if (grouping.isEmpty()) {
            errors.refuse("group_by", "group_by must be day, week or month, not " + dev.confirma.common.text.RequestText.printable(groupText.length() > 20 ? groupText.substring(0, 20) + "…" : groupText));
        }
        if (start.isPresent() && end.isPresent() && grouping.isPresent()) {
            if (start.get().isAfter(end.get())) {
                errors.refuse("start_date", "start_date must not be after end_date");
            } else if (Periods.count(start.get(), end.get(), grouping.get()) > MAX_PERIODS) {
                errors.refuse("end_date", "the range from start_date to end_date holds more than " + MAX_PERIODS + " periods of one "
                        + grouping.get().spelling() + "; ask for a shorter range or a longer group_by");
            }
        }
        errors.throwIfAny();
        List<Periods.Period> periods = Periods.of(start.get(), end.get(), grouping.get(), store.zone());
        OrderAnalytics.Report report = analytics.orders(store.id, periods);
        return new Answer(start.get(), end.get(), grouping.get().spelling(), store.timeZone,
                report.periods().stream().map(p -> new PeriodView(p.period().period(), p.period().startsAt(), p.period().endsAt(),
                        p.currencies().stream().map(V1Analytics::view).toList())).toList(),
                report.summary().stream().map(V1Analytics::view).toList());
    }

    private static CurrencyView view(OrderAnalytics.Figures f) {
        return new CurrencyView(f.currency(), f.orderCount(), f.paidCount(), f.revenueText(), f.averageOrderValueText());
    }

    /** A required ISO local date (2026-03-08), in the years 1 to 9999. */
    private static Optional<LocalDate> date(MultivaluedMap<String, String> query, String name, FieldErrors errors) {
        String text = Optional.ofNullable(query.getFirst(name)).map(String::trim).orElse("");
        if (text.isEmpty()) {
            errors.refuse(name, name + " is required: an ISO date such as 2026-03-01, in the store's time zone");
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() >= 1 && date.getYear() <= 9998) {
                return Optional.of(date);
            }
        } catch (DateTimeParseException notDate) {
            // refused below, with the field name
        }
        errors.refuse(name, name + " must be an ISO date such as 2026-03-01 (the years 1 to 9998)");
        return Optional.empty();
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "OrderAnalytics")
    public record Answer(LocalDate startDate, LocalDate endDate, String groupBy, String timeZone, List<PeriodView> periods,
                         List<CurrencyView> summary) {
    }

    /** {@code period}: the period's first day (a Monday for weeks, the 1st for months); the instants counted, end excluded. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "AnalyticsPeriod")
    public record PeriodView(LocalDate period, Instant startsAt, Instant endsAt, List<CurrencyView> currencies) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "AnalyticsFigures")
    public record CurrencyView(String currency, long orderCount, long paidCount, String revenue, String avgOrderValue) {
    }
}
