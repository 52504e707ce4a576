package dev.confirma.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confirma.deploy.DockerfileInstructions.Instruction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The repository's Dockerfile says what docs/deployment.md promises of the image. No Docker
 * engine is needed: the file is read, not built (CI also lints it with dockerfile-utils).
 */
class DockerfileTest {

    private static final Pattern PINNED_TEMURIN = Pattern.compile("eclipse-temurin:(17\\.\\d+\\.\\d+(?:\\.\\d+)?_\\d+)-(jdk|jre)-[a-z]+");

    private static DockerfileInstructions dockerfile;
    private static int runtime;

    @BeforeAll
    static void read() throws IOException {
        dockerfile = DockerfileInstructions.read(Path.of("Dockerfile"));
        runtime = dockerfile.stages();
    }

    @Test
    void shouldBuildThePostgresFlavourWhenNoBuildArgIsGiven() {
        String databaseArg = dockerfile.inStage(0, "ARG").stream().map(Instruction::arguments)
                .filter(a -> a.startsWith("DATABASE=")).findFirst().orElse("");
        assertEquals("DATABASE=postgres", databaseArg, "the build argument before the first FROM defaults to PostgreSQL");
        String build = dockerfile.inStage(1, "RUN").stream().map(Instruction::arguments)
                .filter(a -> a.contains("./mvnw")).findFirst().orElse("");
        assertTrue(build.startsWith("--mount=type=cache,target=/root/.m2 "), "Maven's repository is a BuildKit cache: " + build);
        assertTrue(build.contains("postgres) ./mvnw -B -Ppostgres -DskipTests package ;;"), build);
        assertTrue(build.contains("h2) ./mvnw -B -DskipTests package ;;"), build);
        assertTrue(build.contains("*) echo") && build.contains("exit 1"), "an unknown DATABASE fails the build: " + build);
    }

    @Test
    void shouldRunOnAJreWhenBuiltOnAJdkOfTheSameRelease() {
        assertEquals(2, runtime, "a build stage and a runtime stage");
        String builder = dockerfile.inStage(1, "FROM").get(0).arguments();
        String runner = dockerfile.inStage(2, "FROM").get(0).arguments();
        Matcher b = PINNED_TEMURIN.matcher(builder);
        Matcher r = PINNED_TEMURIN.matcher(runner);
        assertTrue(b.lookingAt() && b.group(2).equals("jdk") && builder.endsWith(" AS build"), "pinned Temurin JDK: " + builder);
        assertTrue(r.matches() && r.group(2).equals("jre"), "pinned Temurin JRE: " + runner);
        assertEquals(b.group(1), r.group(1), "one Temurin release for both stages");
        List<String> copies = dockerfile.inStage(2, "COPY").stream().map(Instruction::arguments).toList();
        assertEquals(List.of("--from=build /build/target/quarkus-app/ /opt/confirma/"), copies,
                "the runtime stage takes only the packaged application from the build");
    }

    @Test
    void shouldRunAsAFixedNonRootUserWhenStarted() {
        String user = dockerfile.lastInStage(runtime, "USER").orElseThrow().arguments();
        assertTrue(user.matches("\\d+:\\d+"), "a numeric uid:gid, which runAsNonRoot can check: " + user);
        assertNotEquals("0", user.split(":")[0]);
        String setup = dockerfile.inStage(runtime, "RUN").stream().map(Instruction::arguments)
                .filter(a -> a.contains("useradd")).findFirst().orElse("");
        assertTrue(setup.contains("groupadd --gid " + user.split(":")[1] + " confirma"), setup);
        assertTrue(setup.contains("useradd --uid " + user.split(":")[0] + " --gid " + user.split(":")[1]), setup);
    }

    @Test
    void shouldGiveTheUserItsWorkingDirectoryWhenTheH2FlavourWritesData() {
        String workdir = dockerfile.lastInStage(runtime, "WORKDIR").orElseThrow().arguments();
        String setup = dockerfile.inStage(runtime, "RUN").stream().map(Instruction::arguments)
                .filter(a -> a.contains("install -d")).findFirst().orElse("");
        List<String> made = Arrays.asList(setup.substring(setup.indexOf("install -d")).split("\\s+"));
        assertTrue(setup.contains("install -d -o confirma -g confirma"), "made by and for the server's user: " + setup);
        for (String dir : List.of(workdir, workdir + "/data", workdir + "/config")) {
            assertTrue(made.contains(dir), dir + " is created for the user: " + setup);
        }
        assertFalse(workdir.startsWith("/opt/confirma"), "the application itself stays read-only to the server");
    }

    @Test
    void shouldStartTheServerWhenRunWithNoArguments() throws IOException {
        String entrypoint = dockerfile.lastInStage(runtime, "ENTRYPOINT").orElseThrow().arguments();
        List<?> exec = new ObjectMapper().readValue(entrypoint, List.class);
        assertEquals(List.of("java", "-jar", "/opt/confirma/quarkus-run.jar"), exec,
                "exec form, so the JVM is PID 1 and gets docker stop's SIGTERM");
        assertTrue(dockerfile.inStage(runtime, "CMD").isEmpty());
        assertEquals("8080", dockerfile.lastInStage(runtime, "EXPOSE").orElseThrow().arguments());
        String env = dockerfile.inStage(runtime, "ENV").stream().map(Instruction::arguments).reduce("", String::concat);
        assertTrue(env.contains("QUARKUS_HTTP_HOST=0.0.0.0"), env);
        assertTrue(env.contains("JDK_JAVA_OPTIONS=\"-XX:MaxRAMPercentage="), "the heap follows the container's memory limit: " + env);
    }

    @Test
    void shouldReportUnhealthyWhenTheServerIsNotReady() {
        String healthcheck = dockerfile.lastInStage(runtime, "HEALTHCHECK").orElseThrow().arguments();
        assertTrue(healthcheck.contains("--start-period="), healthcheck);
        assertTrue(healthcheck.contains(" CMD curl -fsS "), "curl ships with the Temurin Ubuntu images; -f fails on 503: " + healthcheck);
        assertTrue(healthcheck.contains("\"http://127.0.0.1:${QUARKUS_HTTP_PORT:-8080}/q/health/ready\""), healthcheck);
        assertTrue(healthcheck.endsWith("|| exit 1"), "Docker reads exit code 1 as unhealthy (2 is reserved)");
    }
}
