package dev.confirma.store;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.common.Secrets;
import dev.confirma.common.ServerSecret;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A first start as an operator would do it: no confirma.admin-token (one is generated, logged
 * once, kept as a hash) and a config file with a key this version does not know.
 */
@QuarkusTest
@TestProfile(FirstStartTest.NoAdminToken.class)
class FirstStartTest {

    static final Path LOG = Path.of("target", "first-start.log");

    public static class NoAdminToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.deleteIfExists(LOG);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return Map.of("confirma.admin-token", "",
                    "confirma.chains.polygon.enabled", "false",
                    "confirma.chains.polygon.rpc-urls", "http://127.0.0.1:1",
                    "confirma.chains.polygon.colour", "purple",
                    "confirma.chains.celo-alfajores.rpc-urls", "http://127.0.0.1:1",
                    "confirma.checkout.expiry-time", "PT1M",
                    "quarkus.log.file.enable", "true",
                    "quarkus.log.file.path", LOG.toString());
        }
    }

    @Test
    void shouldStartAndWarnAboutKeysItDoesNotKnow() throws IOException {
        String log = Files.readString(LOG);
        // any name is a chain now (a switched-off block need not be complete); a key no chain has is warned about
        assertTrue(log.contains("Unknown configuration key confirma.chains.polygon.colour is ignored"), log);
        assertTrue(log.contains("confirma.chains.celo-alfajores is ignored: a chain's name is lower-case letters and digits"), log);
        assertTrue(log.contains("Unknown configuration key confirma.checkout.expiry-time is ignored"), log);
        // up and answering; whether it is ready depends on its chains and rates (ReadinessTest)
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void shouldGenerateLogOnceAndStoreOnlyTheHash() throws IOException {
        String log = Files.readString(LOG);
        Matcher m = Pattern.compile("Generated the operator token \\(shown only now, store it safely\\): (adm_[A-Za-z0-9_-]{43})").matcher(log);
        assertTrue(m.find(), "the generated token is logged");
        String token = m.group(1);
        assertEquals(1, log.split("Generated the operator token", -1).length - 1, "logged once");

        ServerSecret stored = QuarkusTransaction.requiringNew().call(() -> ServerSecret.findById(OperatorToken.SECRET_NAME));
        assertEquals(Secrets.sha256Hex(token), stored.secretValue);

        given().header("Authorization", "Bearer " + token).get("/admin/stores").then().statusCode(200);
        given().header("Authorization", "Bearer test-admin-token").get("/admin/stores").then().statusCode(401);
    }
}
