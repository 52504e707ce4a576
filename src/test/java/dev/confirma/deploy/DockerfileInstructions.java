package dev.confirma.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Dockerfile read as its instructions (continuation lines joined, comments and the parser
 * directive left out), each tagged with the build stage it belongs to. Enough to check what the
 * file says; not a builder.
 */
record DockerfileInstructions(List<Instruction> all) {

    /** One instruction: its keyword upper-cased, the rest of its line, and its stage (0 for ARGs before the first FROM, then 1, 2, …). */
    record Instruction(int stage, String keyword, String arguments) {
    }

    static DockerfileInstructions read(Path file) throws IOException {
        List<Instruction> instructions = new ArrayList<>();
        int stage = 0;
        StringBuilder pending = new StringBuilder();
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (pending.length() == 0 && (line.isEmpty() || line.startsWith("#"))) {
                continue;
            }
            if (pending.length() > 0 && line.startsWith("#")) {
                continue; // a comment line inside a continued instruction is dropped by the builder too
            }
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            pending.append(line);
            String whole = pending.toString().strip();
            pending.setLength(0);
            int space = whole.indexOf(' ');
            String keyword = (space < 0 ? whole : whole.substring(0, space)).toUpperCase(Locale.ROOT);
            String arguments = space < 0 ? "" : whole.substring(space + 1).strip();
            if (keyword.equals("FROM")) {
                stage++;
            }
            instructions.add(new Instruction(stage, keyword, arguments));
        }
        return new DockerfileInstructions(List.copyOf(instructions));
    }

    int stages() {
        return all.isEmpty() ? 0 : all.get(all.size() - 1).stage();
    }

    List<Instruction> inStage(int stage, String keyword) {
        return all.stream().filter(i -> i.stage() == stage && i.keyword().equals(keyword)).toList();
    }

    List<Instruction> everywhere(String keyword) {
        return all.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    /** The last instruction of this keyword in the stage: the one that takes effect for ENTRYPOINT, USER, HEALTHCHECK, WORKDIR. */
    Optional<Instruction> lastInStage(int stage, String keyword) {
        List<Instruction> found = inStage(stage, keyword);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
    }
}
