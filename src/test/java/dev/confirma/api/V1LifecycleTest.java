package dev.confirma.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.order.LifecycleStatus;
import dev.confirma.order.LifecycleTransitions;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.MerchantOrders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every lifecycle action from every status, the expected answer taken from the core's table: an
 * allowed move answers 200 with the new status and a timeline step; a refused one answers 409
 * naming the current status and where it may go, and changes nothing.
 */
@QuarkusTest
class V1LifecycleTest {

    /** The action, and what it asks for from a status (release and resolve go back where the order was). */
    private record Case(String action, LifecycleStatus from, LifecycleStatus before) {

        LifecycleStatus target() {
            return switch (action) {
                case "fulfill" -> LifecycleStatus.FULFILLED;
                case "ship" -> LifecycleStatus.SHIPPED;
                case "deliver" -> LifecycleStatus.DELIVERED;
                case "hold" -> LifecycleStatus.HELD;
                case "cancel" -> LifecycleStatus.CANCELLED;
                case "return" -> LifecycleStatus.RETURNED;
                case "dispute" -> LifecycleStatus.DISPUTED;
                case "release" -> from == LifecycleStatus.HELD ? before : null; // only a held order is released
                case "resolve" -> from == LifecycleStatus.DISPUTED ? before : null; // only a disputed one resolved
                default -> throw new IllegalArgumentException(action);
            };
        }

        boolean allowed() {
            return target() != null && LifecycleTransitions.allows(from, target(), before);
        }

        Map<String, Object> body() {
            return switch (action) {
                case "hold", "dispute" -> Map.of("reason", "test " + action);
                case "resolve" -> Map.of("outcome", "reinstated", "reason", "merchant won");
                case "fulfill" -> Map.of("carrier", "DHL", "tracking_number", "JD0001");
                default -> Map.of();
            };
        }
    }

    private static final List<String> ACTIONS = List.of("fulfill", "ship", "deliver", "hold", "release", "cancel", "return",
            "dispute", "resolve");

    @Inject
    EntityManager em;

    private TestStore store;

    @BeforeEach
    void store() {
        store = Fixtures.createStore();
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (LifecycleStatus from : LifecycleStatus.values()) {
            Set<LifecycleStatus> befores = switch (from) {
                case HELD -> EnumSet.of(LifecycleStatus.PAID);
                case DISPUTED -> EnumSet.of(LifecycleStatus.PAID, LifecycleStatus.FULFILLED, LifecycleStatus.SHIPPED,
                        LifecycleStatus.DELIVERED);
                default -> null;
            };
            for (String action : ACTIONS) {
                if (befores == null) {
                    cases.add(new Case(action, from, null));
                } else {
                    befores.forEach(before -> cases.add(new Case(action, from, before)));
                }
            }
        }
        return cases;
    }

    @Test
    void shouldAnswerEveryActionFromEveryStatusAsTheTableSays() {
        int allowed = 0;
        for (Case c : cases()) {
            String id = MerchantOrders.create(store);
            MerchantOrders.force(id, c.from(), c.before(), em);
            Response answer = store.asMerchant().body(c.body()).post("/v1/orders/" + id + "/" + c.action());
            String name = c.action() + " from " + c.from() + (c.before() == null ? "" : " (before " + c.before() + ")");
            JsonPath order = store.asMerchant().get("/v1/orders/" + id).then().extract().jsonPath();
            if (c.allowed()) {
                allowed++;
                assertEquals(200, answer.statusCode(), name + ": " + answer.asString());
                assertEquals(c.target().name(), answer.path("status"), name);
                List<Map<String, Object>> timeline = order.getList("timeline");
                Map<String, Object> last = timeline.get(timeline.size() - 1);
                assertEquals(c.target().name(), last.get("status"), name);
                assertEquals(store.apiKey().substring(0, 10), last.get("actor"), name);
            } else {
                assertEquals(409, answer.statusCode(), name + ": " + answer.asString());
                assertEquals("application/problem+json", answer.contentType(), name);
                assertEquals(c.from().name(), answer.path("current_status"), name);
                Set<String> expected = new TreeSet<>();
                LifecycleTransitions.nextByStore(c.from(), c.before()).stream()
                        .forEach(s -> expected.add(s.name()));
                assertEquals(List.copyOf(expected), answer.path("allowed_statuses"), name);
                assertTrue(answer.<String>path("detail").contains(c.from().name()), name);
                assertEquals(c.from().name(), order.getString("status"), name + ": nothing changed");
                assertEquals(1, order.getList("timeline").size(), name + ": nothing appended");
            }
        }
        assertEquals(true, allowed >= 15, "the table allows " + allowed + " of these moves");
    }

    @Test
    void shouldCarryAnOrderFromPaidToDeliveredAndBackFromHoldAndDispute() {
        String id = MerchantOrders.create(store);
        MerchantOrders.force(id, LifecycleStatus.PAID, null, em);
        store.asMerchant().body(Map.of("reason", "address check")).post("/v1/orders/" + id + "/hold").then()
                .statusCode(200).body("status", equalTo("HELD"));
        store.asMerchant().body(Map.of()).post("/v1/orders/" + id + "/release").then().statusCode(200).body("status", equalTo("PAID"));
        store.asMerchant().body(Map.of("carrier", "Correios", "tracking_number", "BR123")).post("/v1/orders/" + id + "/fulfill")
                .then().statusCode(200).body("status", equalTo("FULFILLED")).body("shipping.carrier", equalTo("Correios"))
                .body("shipping.tracking_number", equalTo("BR123"));
        store.asMerchant().post("/v1/orders/" + id + "/ship").then().statusCode(200).body("status", equalTo("SHIPPED"));
        store.asMerchant().body(Map.of("reason", "chargeback")).post("/v1/orders/" + id + "/dispute").then()
                .statusCode(200).body("status", equalTo("DISPUTED"));
        store.asMerchant().body(Map.of("outcome", "reinstated")).post("/v1/orders/" + id + "/resolve").then()
                .statusCode(200).body("status", equalTo("SHIPPED"));
        store.asMerchant().post("/v1/orders/" + id + "/deliver").then().statusCode(200).body("status", equalTo("DELIVERED"))
                .body("timeline.status", equalTo(List.of("CREATED", "HELD", "PAID", "FULFILLED", "SHIPPED", "DISPUTED", "SHIPPED",
                        "DELIVERED")))
                .body("timeline[1].reason", equalTo("address check"))
                .body("timeline[5].reason", equalTo("chargeback"));
    }

    @Test
    void shouldRequireAReasonToHoldOrDisputeAndAnOutcomeToResolve() {
        String id = MerchantOrders.create(store);
        MerchantOrders.force(id, LifecycleStatus.PAID, null, em);
        store.asMerchant().post("/v1/orders/" + id + "/hold").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        store.asMerchant().body(Map.of("reason", " ")).post("/v1/orders/" + id + "/dispute").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        store.asMerchant().body(Map.of("reason", "x", "color", "red")).post("/v1/orders/" + id + "/hold").then().statusCode(400)
                .body("errors[0].field", equalTo("color"));
        store.asMerchant().body(Map.of("carrier", "x".repeat(65))).post("/v1/orders/" + id + "/fulfill").then().statusCode(400)
                .body("errors[0].field", equalTo("carrier"));
        store.asMerchant().post("/v1/orders/" + id + "/teleport").then().statusCode(404);
        MerchantOrders.force(id, LifecycleStatus.DISPUTED, LifecycleStatus.PAID, em);
        store.asMerchant().body(Map.of("outcome", "won")).post("/v1/orders/" + id + "/resolve").then().statusCode(400)
                .body("errors[0].field", equalTo("outcome"));
        store.asMerchant().body(Map.of("outcome", "refunded")).post("/v1/orders/" + id + "/resolve").then().statusCode(400)
                .body("errors[0].field", equalTo("outcome"));
        store.asMerchant().get("/v1/orders/" + id).then().body("status", equalTo("DISPUTED")).body("timeline", org.hamcrest.Matchers.hasSize(1));
    }
}
