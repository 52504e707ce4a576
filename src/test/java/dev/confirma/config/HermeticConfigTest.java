package dev.confirma.config;

import static dev.confirma.support.Fixtures.checkout;
import static dev.confirma.support.Fixtures.postCheckout;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A developer's machine set up as the README advises, and worse: a
 * {@code config/application.properties} and a {@code .env} in the directory the tests run
 * from, written before this class's server is built and started, and hostile CONFIRMA_* /
 * QUARKUS_* environment variables (set for the whole suite by pom.xml's surefire
 * configuration). None of it reaches the tests' configuration
 * ({@code dev.confirma.support.HermeticConfig}).
 */
@QuarkusTest
@TestProfile(HermeticConfigTest.HostileMachine.class)
class HermeticConfigTest {

    /** Files this test writes carry this first line; only such files are ever overwritten or deleted. */
    static final String MARKER = "# written by HermeticConfigTest: the tests must not read this file";
    static final Path WORKING_DIRECTORY = Path.of(System.getProperty("user.dir"));
    static final Path CONFIG_FILE = WORKING_DIRECTORY.resolve("config/application.properties");
    static final Path DOT_ENV = WORKING_DIRECTORY.resolve(".env");

    public static class HostileMachine implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            write(CONFIG_FILE, List.of(
                    "confirma.rates.providers=fixed",
                    "confirma.rates.fixed.\"CELO/USD\"=7",
                    "confirma.rates.pins=CELO/USD=7",
                    "confirma.admin-token=hostile-file",
                    "confirma.checkout.expiry=PT1M",
                    "confirma.public-url=http://hostile-file.invalid",
                    "%test.confirma.callbacks.allow-private-targets=false",
                    "quarkus.http.root-path=/hostile-file",
                    "quarkus.datasource.jdbc.url=jdbc:h2:file:./data/hostile-file",
                    "%test.quarkus.datasource.jdbc.url=jdbc:h2:file:./data/hostile-file"));
            write(DOT_ENV, List.of(
                    "CONFIRMA_ADMIN_TOKEN=hostile-dotenv",
                    "CONFIRMA_PUBLIC_URL=http://hostile-dotenv.invalid",
                    "QUARKUS_DATASOURCE_JDBC_URL=jdbc:h2:file:./data/hostile-dotenv"));
            return Map.of();
        }

        private static void write(Path file, List<String> lines) {
            try {
                if (Files.exists(file) && !Files.readString(file).startsWith(MARKER)) {
                    return; // the developer's own file: left alone, and it must not matter either
                }
                Files.createDirectories(file.getParent());
                Files.writeString(file, MARKER + "\n" + String.join("\n", lines) + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @AfterAll
    static void removeHostileFiles() throws IOException {
        for (Path file : List.of(CONFIG_FILE, DOT_ENV)) {
            if (Files.exists(file) && Files.readString(file).startsWith(MARKER)) {
                Files.delete(file);
            }
        }
        try (var left = Files.list(CONFIG_FILE.getParent())) {
            if (left.findAny().isEmpty()) {
                Files.delete(CONFIG_FILE.getParent());
            }
        } catch (java.nio.file.NoSuchFileException alreadyGone) {
            // nothing to tidy
        }
    }

    @Test
    void shouldBootWithTheHostileFilesInPlace() {
        assertTrue(Files.exists(CONFIG_FILE) && Files.exists(DOT_ENV), "the hostile files are there while the server runs");
        assertTrue(System.getenv("CONFIRMA_ADMIN_TOKEN") != null, "pom.xml sets hostile CONFIRMA_* variables for the tests");
    }

    @Test
    void shouldKeepTheTestsOperatorTokenAndRootPath() {
        given().header("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN).get("/admin/stores").then().statusCode(200);
        for (String hostile : List.of("hostile-file", "hostile-dotenv", System.getenv("CONFIRMA_ADMIN_TOKEN"))) {
            given().header("Authorization", "Bearer " + hostile).get("/admin/stores").then().statusCode(401);
        }
    }

    @Test
    void shouldPriceExpireAndLinkCheckoutsAsTheSuiteExpects() {
        TestStore store = Fixtures.createStore();
        Map<String, Object> body = checkout(store);
        body.put("callbackUrl", "http://127.0.0.1:1/wc-api/cryptum"); // the tests' receivers are local
        JsonPath order = postCheckout(store, body).statusCode(200).extract().jsonPath();
        // the rate stub's 1 CELO = 0.5 USD, not a pin of 7
        assertEquals("25", order.getString("quotes.find { it.asset == 'CELO' }.amount"));
        assertEquals(Duration.ofMinutes(15), Duration.between(Instant.parse(order.getString("createdAt")),
                Instant.parse(order.getString("expiresAt"))));
        assertTrue(order.getString("paymentUrl").startsWith("http://localhost:8080/pay/"), order.getString("paymentUrl"));
    }

    @Test
    void shouldUseTheTestDatabaseOnly() {
        assertEquals(System.getProperty("quarkus.datasource.jdbc.url"),
                ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
        assertFalse(Files.exists(WORKING_DIRECTORY.resolve("data/hostile-file.mv.db")));
        assertFalse(Files.exists(WORKING_DIRECTORY.resolve("data/hostile-dotenv.mv.db")));
    }
}
