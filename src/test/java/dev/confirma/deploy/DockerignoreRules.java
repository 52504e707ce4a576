package dev.confirma.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code .dockerignore} as Docker reads it (moby's patternmatcher): patterns in Go's
 * {@code filepath.Match} syntax plus {@code **}, a leading {@code !} lets a path back in, the
 * last rule that matches a path or one of its parent directories decides.
 */
final class DockerignoreRules {

    private record Rule(Pattern pattern, boolean letsIn) {
    }

    private final List<Rule> rules;

    private DockerignoreRules(List<Rule> rules) {
        this.rules = rules;
    }

    static DockerignoreRules read(Path file) throws IOException {
        List<Rule> rules = new ArrayList<>();
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean letsIn = line.startsWith("!");
            String pattern = clean(letsIn ? line.substring(1).strip() : line);
            rules.add(new Rule(Pattern.compile(regex(pattern)), letsIn));
        }
        return new DockerignoreRules(rules);
    }

    /** Whether the build context leaves out this path (relative to the context, with forward slashes). */
    boolean excludes(String path) {
        boolean excluded = false;
        for (Rule rule : rules) {
            if (matchesItOrAParent(rule.pattern(), path)) {
                excluded = !rule.letsIn();
            }
        }
        return excluded;
    }

    private static boolean matchesItOrAParent(Pattern pattern, String path) {
        if (pattern.matcher(path).matches()) {
            return true;
        }
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            if (pattern.matcher(path.substring(0, slash)).matches()) {
                return true;
            }
        }
        return false;
    }

    /** As Go's filepath.Clean does to a pattern: no leading "./" or "/", no trailing "/". */
    private static String clean(String pattern) {
        String p = pattern;
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static String regex(String pattern) {
        StringBuilder regex = new StringBuilder("^");
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                i++;
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '/') {
                    i++;
                }
                regex.append(i + 1 >= pattern.length() ? ".*" : "(.*/)?");
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.append('$').toString();
    }
}
