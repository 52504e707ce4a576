package dev.confirma.api;

import dev.confirma.order.LifecycleStatus;
import dev.confirma.order.Order;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.MultivaluedMap;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** {@code GET /v1/orders}: one store's orders, filtered, newest first, a page at a time; every bad parameter named. */
@Singleton
class V1OrderSearch {

    static final int MAX_LIMIT = 100;
    static final int DEFAULT_LIMIT = 20;
    /** The filters alone, as the CSV reports take them: a report holds every order they keep, no page of them. */
    static final Set<String> FILTERS = Set.of("customer_id", "status", "created_after", "created_before", "amount_min", "amount_max");
    private static final Set<String> PARAMETERS = Set.of("customer_id", "status", "created_after", "created_before", "amount_min",
            "amount_max", "limit", "offset");

    record Criteria(Optional<String> customerId, Set<LifecycleStatus> statuses, Optional<Instant> createdAfter,
                    Optional<Instant> createdBefore, Optional<BigDecimal> amountMin, Optional<BigDecimal> amountMax, int limit,
                    int offset) {
    }

    record Found(List<Order> orders, long totalCount, boolean hasMore) {
    }

    Criteria criteria(MultivaluedMap<String, String> query) {
        return criteria(query, PARAMETERS, "GET /v1/orders");
    }

    /** The filters of {@code GET /v1/orders} for another request ({@code request}, for the error) that takes no page. */
    Criteria filters(MultivaluedMap<String, String> query, String request) {
        return criteria(query, FILTERS, request);
    }

    private Criteria criteria(MultivaluedMap<String, String> query, Set<String> known, String request) {
        FieldErrors errors = new FieldErrors();
        for (String name : query.keySet()) {
            if (!known.contains(name)) {
                errors.refuse(name, name + " is not a filter of " + request + " (" + String.join(", ", known.stream().sorted().toList()) + ")");
            } else if (query.get(name).size() > 1) {
                errors.refuse(name, name + " may be given once");
            }
        }
        Optional<String> customer = text(query, "customer_id").filter(c -> {
            if (c.length() > 128) {
                errors.refuse("customer_id", "customer_id must be at most 128 characters");
                return false;
            }
            return true;
        });
        Set<LifecycleStatus> statuses = EnumSet.noneOf(LifecycleStatus.class);
        text(query, "status").ifPresent(list -> {
            for (String s : list.split(",")) {
                try {
                    statuses.add(LifecycleStatus.valueOf(s.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException unknown) {
                    errors.refuse("status", "status must be one or more of " + List.of(LifecycleStatus.values()) + ", comma-separated");
                    return;
                }
            }
        });
        Optional<Instant> after = instant(query, "created_after", errors);
        Optional<Instant> before = instant(query, "created_before", errors);
        Optional<BigDecimal> min = amount(query, "amount_min", errors);
        Optional<BigDecimal> max = amount(query, "amount_max", errors);
        int limit = integer(query, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, errors);
        int offset = integer(query, "offset", 0, 0, Integer.MAX_VALUE, errors);
        if (after.isPresent() && before.isPresent() && !after.get().isBefore(before.get())) {
            errors.refuse("created_after", "created_after must be before created_before");
        }
        if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
            errors.refuse("amount_min", "amount_min must not be above amount_max");
        }
        errors.throwIfAny();
        return new Criteria(customer, statuses, after, before, min, max, limit, offset);
    }

    Found find(String storeId, Criteria c) {
        StringBuilder where = new StringBuilder("storeId = :store");
        Parameters params = Parameters.with("store", storeId);
        c.customerId().ifPresent(id -> {
            where.append(" and customerId = :customer");
            params.and("customer", id);
        });
        if (!c.statuses().isEmpty()) {
            where.append(" and lifecycleStatus in :statuses");
            params.and("statuses", List.copyOf(c.statuses()));
        }
        c.createdAfter().ifPresent(at -> {
            where.append(" and createdAt > :after");
            params.and("after", at);
        });
        c.createdBefore().ifPresent(at -> {
            where.append(" and createdAt < :before");
            params.and("before", at);
        });
        c.amountMin().ifPresent(amount -> {
            where.append(" and orderTotal >= :min");
            params.and("min", amount);
        });
        c.amountMax().ifPresent(amount -> {
            where.append(" and orderTotal <= :max");
            params.and("max", amount);
        });
        String query = where.toString();
        List<Order> page = Order.<Order>find(query, Sort.descending("createdAt", "id"), params)
                .range(c.offset(), c.offset() + c.limit() - 1)
                .list();
        long total = Order.count(query, params);
        return new Found(page, total, (long) c.offset() + page.size() < total);
    }

    private static Optional<String> text(MultivaluedMap<String, String> query, String name) {
        return Optional.ofNullable(query.getFirst(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    /** An ISO-8601 instant with its offset, or a date (its start, UTC). */
    private static Optional<Instant> instant(MultivaluedMap<String, String> query, String name, FieldErrors errors) {
        return text(query, name).flatMap(value -> {
            Optional<Instant> at = parsed(value);
            // the databases store years 1 to 9999 at most; java.time reads far beyond
            if (at.isEmpty() || at.get().isBefore(FIRST) || !at.get().isBefore(PAST_LAST)) {
                errors.refuse(name, name + " must be an ISO-8601 date (2026-12-01) or date-time with offset (2026-12-01T10:00:00Z),"
                        + " in the years 1 to 9999");
                return Optional.empty();
            }
            return at;
        });
    }

    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant PAST_LAST = Instant.parse("+10000-01-01T00:00:00Z");

    private static Optional<Instant> parsed(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException notInstant) {
            try {
                return Optional.of(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private static Optional<BigDecimal> amount(MultivaluedMap<String, String> query, String name, FieldErrors errors) {
        return text(query, name).flatMap(value -> {
            if (value.length() <= 40 && value.matches("\\d+(\\.\\d+)?")) {
                return Optional.of(new BigDecimal(value));
            }
            errors.refuse(name, name + " must be a decimal amount of 0 or more, such as 12.50");
            return Optional.empty();
        });
    }

    private static int integer(MultivaluedMap<String, String> query, String name, int absent, int min, int max, FieldErrors errors) {
        Optional<String> value = text(query, name);
        if (value.isEmpty()) {
            return absent;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException notInteger) {
            // refused below, with the field name
        }
        errors.refuse(name, name + " must be a whole number from " + min + (max == Integer.MAX_VALUE ? " up" : " to " + max));
        return absent;
    }
}
