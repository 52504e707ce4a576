package dev.confirma.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ErrorShapeTest {

    @Test
    void shouldAnswerUnknownPathsWithContractJson() {
        given().get("/no/such/path").then().statusCode(404).contentType(ContentType.JSON)
                .body("status", equalTo("failed")).body("error.code", equalTo("not_found"));
    }

    @Test
    void shouldAnswerAnUnknownPathBesideTheHostedPageWithContractJson() {
        given().get("/pay/some-order/receipt").then().statusCode(404).contentType(ContentType.JSON)
                .body("error.code", equalTo("not_found"));
        given().get("/public/nothing-here").then().statusCode(404).contentType(ContentType.JSON);
    }

    @Test
    void shouldAnswerWrongMethodWithContractJson() {
        given().header("x-api-key", "whatever").delete("/plugins/orders/checkout").then()
                .statusCode(405).contentType(ContentType.JSON).body("status", equalTo("failed"));
        given().header("Authorization", "Bearer test-admin-token").put("/admin/stores").then()
                .statusCode(405).body("error.code", equalTo("method_not_allowed"));
    }
}
