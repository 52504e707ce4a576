package dev.confirma.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.confirma.deploy.RuntimeConfigKeys.Key;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * compose.yaml runs what docs/deployment.md describes: PostgreSQL, then Confirma once the
 * database is healthy, both restarted and health-checked, every setting from the environment.
 * Each variable handed to Confirma must name a key the server reads at run time, with the
 * server's own default. (Jackson's YAML reader comes with quarkus-smallrye-openapi; CI also
 * validates the file against the Compose specification's schema with dclint.)
 */
class ComposeFileTest {

    /** A whole value that is one interpolation: ${NAME:-default} or ${NAME:?message}. */
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(:-|:\\?)(.*)}");
    private static final Pattern ANY_INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z0-9_]+)");

    private static JsonNode compose;
    private static JsonNode confirma;
    private static JsonNode postgres;
    private static RuntimeConfigKeys keys;

    @BeforeAll
    static void read() throws IOException {
        compose = new ObjectMapper(new YAMLFactory()).readTree(Path.of("compose.yaml").toFile());
        confirma = compose.path("services").path("confirma");
        postgres = compose.path("services").path("postgres");
        keys = RuntimeConfigKeys.load();
    }

    @Test
    void shouldBuildThePostgresImageFromTheRepositoryWhenComposeBuilds() {
        assertEquals(".", confirma.path("build").path("context").asText());
        assertTrue(confirma.path("build").path("dockerfile").isMissingNode(), "the root Dockerfile, as docker build . uses");
        assertEquals("postgres", confirma.path("build").path("args").path("DATABASE").asText());
        assertTrue(postgres.path("image").asText().matches("postgres:\\d+"), "a PostgreSQL major version: " + postgres.path("image"));
    }

    @Test
    void shouldStartConfirmaOnlyWhenPostgresIsHealthy() {
        assertEquals("service_healthy", confirma.path("depends_on").path("postgres").path("condition").asText());
        assertTrue(postgres.path("healthcheck").path("test").toString().contains("pg_isready"));
    }

    @Test
    void shouldRestartAndHealthCheckEveryServiceWhenOneFails() {
        compose.path("services").fields().forEachRemaining(service -> {
            JsonNode s = service.getValue();
            assertEquals("unless-stopped", s.path("restart").asText(), service.getKey());
            assertFalse(s.path("healthcheck").path("test").isMissingNode(), service.getKey() + " has a healthcheck");
            assertFalse(s.path("healthcheck").path("start_period").isMissingNode(), service.getKey() + " has a start period");
            assertEquals("json-file", s.path("logging").path("driver").asText(), service.getKey());
            assertFalse(s.path("logging").path("options").path("max-size").isMissingNode(), service.getKey() + "'s logs are rotated");
        });
        assertTrue(confirma.path("healthcheck").path("test").toString().contains("/q/health/ready"));
    }

    @Test
    void shouldKeepTheDatabaseWhenContainersAreRecreated() {
        String volume = postgres.path("volumes").get(0).asText();
        assertEquals("postgres-data:/var/lib/postgresql/data", volume);
        assertTrue(compose.path("volumes").has("postgres-data"), "a named volume, declared");
    }

    @Test
    void shouldListenOnLoopbackOnlyWhenPublished() {
        assertEquals(1, confirma.path("ports").size());
        assertTrue(confirma.path("ports").get(0).asText().startsWith("127.0.0.1:"), "the reverse proxy faces the internet, not the server");
        assertTrue(confirma.path("read_only").asBoolean());
        assertEquals("ALL", confirma.path("cap_drop").get(0).asText());
    }

    @Test
    void shouldRefuseToStartWhenASecretIsNotSet() {
        Map<String, JsonNode> environment = Map.of("confirma", confirma.path("environment"), "postgres", postgres.path("environment"));
        for (String[] required : new String[][] {{"confirma", "CONFIRMA_ADMIN_TOKEN"}, {"confirma", "QUARKUS_DATASOURCE_PASSWORD"},
                {"confirma", "CONFIRMA_PUBLIC_URL"}, {"postgres", "POSTGRES_PASSWORD"}}) {
            String value = environment.get(required[0]).path(required[1]).asText();
            Matcher m = INTERPOLATION.matcher(value);
            assertTrue(m.matches() && m.group(2).equals(":?") && !m.group(3).isBlank(),
                    required[1] + " has no default and says what to set: " + value);
        }
    }

    @Test
    void shouldNameARunTimeKeyWhenComposeSetsAVariable() {
        List<String> wrong = new ArrayList<>();
        confirma.path("environment").fieldNames().forEachRemaining(variable -> {
            List<Key> found = keys.keysOf(variable);
            if (found.isEmpty()) {
                wrong.add(variable + ": no such key");
            } else if (found.get(0).buildTime()) {
                wrong.add(variable + ": " + found.get(0).name() + " is fixed when the image is built");
            }
        });
        assertEquals(List.of(), wrong);
        // the matcher is not vacuous: a typo and a build-time key are caught
        assertTrue(keys.keysOf("CONFIRMA_CHAINS_CELO_RPC_URL").isEmpty());
        assertTrue(keys.keysOf("QUARKUS_DATASOURCE_DB_KIND").get(0).buildTime());
        assertEquals("confirma.chains.*.rpc-urls", keys.keysOf("CONFIRMA_CHAINS_CELO_RPC_URLS").get(0).name());
    }

    @Test
    void shouldDefaultToTheServersOwnValueWhenAVariableIsUnset() {
        List<String> drifted = new ArrayList<>();
        confirma.path("environment").fields().forEachRemaining(entry -> {
            Matcher m = INTERPOLATION.matcher(entry.getValue().asText());
            if (!m.matches() || !m.group(1).equals(entry.getKey()) || !m.group(2).equals(":-")) {
                return;
            }
            Optional<String> server = keys.defaultOf(entry.getKey());
            String composed = m.group(3);
            // an empty value is no value to Quarkus: right only for a key without a default
            if (composed.isEmpty() ? server.isPresent() : !server.equals(Optional.of(composed))) {
                drifted.add(entry.getKey() + ": compose " + composed + ", server " + server.orElse("(none)"));
            }
        });
        assertEquals(List.of(), drifted);
    }

    @Test
    void shouldListEveryVariableInTheExampleWhenComposeReadsIt() throws IOException {
        Set<String> read = new TreeSet<>();
        Matcher m = ANY_INTERPOLATION.matcher(Files.readString(Path.of("compose.yaml")));
        while (m.find()) {
            read.add(m.group(1));
        }
        String example = Files.readString(Path.of(".env.example"));
        List<String> unlisted = read.stream().filter(v -> !Pattern.compile("(?m)^(# )?" + v + "=").matcher(example).find()).toList();
        assertEquals(List.of(), unlisted, ".env.example shows every variable compose reads");
        for (String required : List.of("CONFIRMA_PUBLIC_URL", "CONFIRMA_ADMIN_TOKEN", "POSTGRES_PASSWORD")) {
            assertTrue(Pattern.compile("(?m)^" + required + "=").matcher(example).find(), required + " is uncommented: it must be set");
        }
    }
}
