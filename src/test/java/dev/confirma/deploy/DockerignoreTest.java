package dev.confirma.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.deploy.DockerfileInstructions.Instruction;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The build context holds what the Dockerfile copies, and no local state or secret. */
class DockerignoreTest {

    /** Directories of local state the walk below does not enter (each is checked excluded on its own). */
    private static final Set<String> LOCAL_STATE = Set.of(".git", "target", "data", "node_modules");

    private static DockerignoreRules rules;

    @BeforeAll
    static void read() throws IOException {
        rules = DockerignoreRules.read(Path.of(".dockerignore"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "target/quarkus-app/quarkus-run.jar", "target/anvil/package/bin/anvil", "data/confirma.mv.db",
            ".git/HEAD", "node_modules/x/package.json", "server.log", "src/main/resources/debug.log",
            "config/application.properties", ".env", ".idea/workspace.xml", "confirma.iml", ".vscode/settings.json",
            "src/test/java/dev/confirma/deploy/DockerfileTest.java", "docs/deployment.md", "compose.yaml"})
    void shouldLeaveOutLocalStateWhenTheContextIsSent(String path) {
        assertTrue(rules.excludes(path), path + " must not reach the builder");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pom.xml", "mvnw", ".mvn/wrapper/maven-wrapper.properties",
            "src/main/resources/application.properties", "src/main/java/dev/confirma/config/ServerConfig.java"})
    void shouldSendWhatTheBuildNeedsWhenTheContextIsSent(String path) {
        assertFalse(rules.excludes(path), path + " is needed by the build stage");
    }

    @Test
    void shouldSendEveryFileTheDockerfileCopiesAndNothingElseWhenBuilt() throws IOException {
        List<String> sources = new ArrayList<>();
        for (Instruction copy : DockerfileInstructions.read(Path.of("Dockerfile")).everywhere("COPY")) {
            List<String> words = Arrays.stream(copy.arguments().split("\\s+")).filter(w -> !w.startsWith("--")).toList();
            if (!copy.arguments().contains("--from=")) {
                sources.addAll(words.subList(0, words.size() - 1));
            }
        }
        assertEquals(List.of(".mvn/", "mvnw", "pom.xml", "src/main/"), sources);

        List<String> sent = new ArrayList<>();
        Path root = Path.of("");
        Files.walkFileTree(root.toAbsolutePath(), new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return LOCAL_STATE.contains(dir.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String relative = root.toAbsolutePath().relativize(file).toString().replace('\\', '/');
                if (!rules.excludes(relative)) {
                    sent.add(relative);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        List<String> uncopied = sent.stream().filter(f -> sources.stream().noneMatch(s -> s.endsWith("/") ? f.startsWith(s) : f.equals(s))).toList();
        assertEquals(List.of(), uncopied, "sent to the builder but never copied");
        try (var main = Files.walk(Path.of("src/main"))) {
            List<String> missing = main.filter(Files::isRegularFile).map(p -> p.toString().replace('\\', '/'))
                    .filter(rules::excludes).toList();
            assertEquals(List.of(), missing, "main sources the build would not get");
        }
    }
}
