package dev.confirma.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.confirma.common.openapi.ApiDocumentation;
import dev.confirma.order.Actor;
import dev.confirma.order.DeliveryInfo;
import dev.confirma.order.Order;
import dev.confirma.privacy.CustomerData;
import dev.confirma.privacy.CustomerReference;
import dev.confirma.privacy.Erased;
import dev.confirma.store.Caller;
import dev.confirma.store.Store;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A customer's data (issue 16): {@code GET /v1/customers/{customer_id}/export} (a read key
 * will do) and {@code DELETE /v1/customers/{customer_id}} (read,write). {@code customer_id} is
 * the merchant's customer id or an email; the privacy package finds, erases and audits.
 */
@Path("/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocumentation.CUSTOMERS)
@SecurityRequirement(name = ApiDocumentation.STORE_BEARER)
@SecurityRequirement(name = ApiDocumentation.STORE_KEY)
public class V1CustomerResource {

    private static final int PAGE = 100;

    private final Caller caller;
    private final CustomerData customers;
    private final V1OrderMapper mapper;
    private final Clock clock;

    V1CustomerResource(Caller caller, CustomerData customers, V1OrderMapper mapper, Clock clock) {
        this.caller = caller;
        this.customers = customers;
        this.mapper = mapper;
        this.clock = clock;
    }

    @GET
    @Path("/{customer_id}/export")
    @Operation(summary = "Export a customer's data", description = "Every order of the store whose `customer_id` is this"
            + " reference, or whose delivery email is it (ignoring case), in the v1 shape, oldest first; and the customer ids,"
            + " emails, names and addresses seen. A read key will do. Audited.")
    @APIResponse(responseCode = "200", description = "The customer's orders and personal data")
    @APIResponse(responseCode = "404", description = "No order of this store matches.")
    public Export export(@PathParam("customer_id") String customerId) {
        Store store = caller.store();
        CustomerReference customer = CustomerReference.parse(customerId);
        List<Order> orders = customers.export(store, actor(), customer);
        List<V1OrderView> views = new ArrayList<>();
        for (int from = 0; from < orders.size(); from += PAGE) {
            views.addAll(mapper.toViews(orders.subList(from, Math.min(orders.size(), from + PAGE))));
        }
        return new Export(customer(customer, orders), views, views.size(), clock.instant());
    }

    @DELETE
    @Path("/{customer_id}")
    @Operation(summary = "Erase a customer's data", description = "Erases the personal fields of every matching order (the"
            + " books are kept), the stored callback bodies and idempotent answers that show them. Repeating it answers 200"
            + " with zeros. Audited.")
    @APIResponse(responseCode = "200", description = "What was erased")
    @APIResponse(responseCode = "409", description = "An order stayed contended; repeating the request finishes the erasure.")
    public Erasure erase(@PathParam("customer_id") String customerId) {
        Store store = caller.store();
        Erased erased = customers.erase(store, actor(), CustomerReference.parse(customerId));
        return new Erasure(erased.orders(), erased.deliveries(), erased.storedAnswers());
    }

    private static Customer customer(CustomerReference customer, List<Order> orders) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        Set<Name> names = new LinkedHashSet<>();
        Set<V1OrderView.Address> addresses = new LinkedHashSet<>();
        for (Order order : orders) {
            if (order.customerId != null) {
                ids.add(order.customerId);
            }
            DeliveryInfo d = order.deliveryInfo;
            if (d == null) {
                continue;
            }
            if (d.email != null) {
                emails.add(d.email);
            }
            if (d.firstName != null || d.lastName != null) {
                names.add(new Name(d.firstName, d.lastName));
            }
            if (d.address != null || d.city != null || d.zip != null || d.country != null) {
                addresses.add(new V1OrderView.Address(null, null, null, d.address, d.complement, d.city, d.state, d.zip, d.country));
            }
        }
        return new Customer(customer.value(), List.copyOf(ids), List.copyOf(emails), List.copyOf(names), List.copyOf(addresses));
    }

    private String actor() {
        return Actor.key(caller.keyPrefix()).name();
    }

    /** Every order of the customer in the v1 shape, and the personal fields they hold, gathered. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "V1CustomerExport")
    public record Export(Customer customer, List<V1OrderView> orders, int orderCount, Instant exportedAt) {
    }

    /** The reference asked for, and each distinct customer id, email, name and address seen in the orders. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "V1Customer")
    public record Customer(String reference, List<String> customerIds, List<String> emails, List<Name> names,
                           List<V1OrderView.Address> addresses) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "V1CustomerName")
    public record Name(String firstName, String lastName) {
    }

    /** What a DELETE changed: 0 everywhere when nothing (any more) matches. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "V1CustomerErasure")
    public record Erasure(int ordersErased, int deliveriesScrubbed, int storedAnswersScrubbed) {
    }
}
