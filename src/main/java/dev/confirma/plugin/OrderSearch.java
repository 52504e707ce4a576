package dev.confirma.plugin;

import dev.confirma.order.Order;
import dev.confirma.order.PaymentStatus;
import dev.confirma.common.error.ApiException;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** {@code GET /plugins/orders}: one store's orders, filtered, newest first, a page at a time. */
@Singleton
public class OrderSearch {

    public static final int MAX_LIMIT = 100;

    /** Parsed and checked query parameters. */
    public record Criteria(String storeId, int limit, int offset, Set<PaymentStatus> statuses,
                           Optional<Instant> from, Optional<Instant> until, boolean withCount, boolean withTotal) {
    }

    public record Found(List<Order> orders, long total, Optional<Map<String, BigDecimal>> totals) {
    }

    public Criteria criteria(String storeId, String limit, String offset, String paymentStatus,
                             String startDate, String endDate, String withCount, String withTotal) {
        int parsedLimit = integer("limit", limit, MAX_LIMIT);
        if (parsedLimit < 1 || parsedLimit > MAX_LIMIT) {
            throw ApiException.invalidField("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        int parsedOffset = integer("offset", offset, 0);
        if (parsedOffset < 0) {
            throw ApiException.invalidField("offset", "offset must be 0 or more");
        }
        Optional<Instant> from = date("startDate", startDate, false);
        Optional<Instant> until = date("endDate", endDate, true);
        if (from.isPresent() && until.isPresent() && !from.get().isBefore(until.get())) {
            throw ApiException.invalidField("startDate", "startDate must be before endDate");
        }
        return new Criteria(storeId, parsedLimit, parsedOffset, statuses(paymentStatus), from, until,
                bool("withCount", withCount, true), bool("withTotal", withTotal, false));
    }

    public Found find(Criteria c) {
        StringBuilder where = new StringBuilder("storeId = :store");
        Parameters params = Parameters.with("store", c.storeId());
        if (!c.statuses().isEmpty()) {
            where.append(" and paymentStatus in :statuses");
            params.and("statuses", List.copyOf(c.statuses()));
        }
        c.from().ifPresent(from -> {
            where.append(" and createdAt >= :from");
            params.and("from", from);
        });
        c.until().ifPresent(until -> {
            where.append(" and createdAt < :until");
            params.and("until", until);
        });
        String query = where.toString();
        List<Order> page = Order.<Order>find(query, Sort.descending("createdAt", "id"), params)
                .range(c.offset(), c.offset() + c.limit() - 1)
                .list();
        long total = c.withCount() ? Order.count(query, params) : page.size();
        Optional<Map<String, BigDecimal>> totals = c.withTotal() ? Optional.of(totals(query, params)) : Optional.empty();
        return new Found(page, total, totals);
    }

    /** Sum of orderTotal per order currency over every matching order (not just this page). */
    private static Map<String, BigDecimal> totals(String where, Parameters params) {
        var query = Order.getEntityManager().createQuery(
                "select orderCurrency, sum(orderTotal) from Order where " + where + " group by orderCurrency", Object[].class);
        params.map().forEach(query::setParameter);
        Map<String, BigDecimal> totals = new TreeMap<>();
        for (Object[] row : query.getResultList()) {
            totals.put((String) row[0], (BigDecimal) row[1]);
        }
        return totals;
    }

    private static Set<PaymentStatus> statuses(String value) {
        Set<PaymentStatus> statuses = new LinkedHashSet<>();
        if (value == null || value.isBlank()) {
            return statuses;
        }
        for (String part : value.split(",")) {
            statuses.add(PluginStatus.parse(part.trim()).orElseThrow(() -> ApiException.invalidField("paymentStatus",
                    "paymentStatus must be one or more of pending, on-hold, confirmed, failed, cancelled (comma-separated)")));
        }
        return statuses;
    }

    private static int integer(String name, String value, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalidField(name, name + " must be a whole number");
        }
    }

    private static boolean bool(String name, String value, boolean absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalidField(name, name + " must be true or false");
        };
    }

    /**
     * ISO-8601 instant, offset date-time, or date; a bare endDate includes that whole day (UTC).
     * Years 1 to 9999 only: java.time reads years up to 999999999, which no database column holds.
     */
    private static Optional<Instant> date(String name, String value, boolean endOfRange) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        try {
            OffsetDateTime at = OffsetDateTime.parse(text);
            requireYear(name, at.getYear());
            return Optional.of(at.toInstant());
        } catch (DateTimeParseException notDateTime) {
            try {
                LocalDate day = LocalDate.parse(text);
                requireYear(name, day.getYear());
                return Optional.of((endOfRange ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException notDate) {
                throw ApiException.invalidField(name, name + " must be an ISO-8601 date or date-time, such as 2026-11-23 or 2026-11-23T10:00:00Z");
            }
        }
    }

    private static void requireYear(String name, int year) {
        if (year < 1 || year > 9999) {
            throw ApiException.invalidField(name, name + " must be between 0001-01-01 and 9999-12-31");
        }
    }
}
