package dev.confirma.deploy;

import dev.confirma.config.ServerConfig;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigMappingInterface.Property;
import io.smallrye.config.ConfigMappings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every configuration key the packaged server reads, as its environment variable would name it:
 * Confirma's own {@code @ConfigMapping} interfaces, the keys of its application.properties, and
 * the config roots of every Quarkus extension on the classpath (each jar lists them in
 * {@code META-INF/quarkus-config-roots.list}), with whether Quarkus fixes the key at build time
 * and the default the server starts with.
 */
final class RuntimeConfigKeys {

    /** A key, possibly with {@code *} for a map's key ({@code confirma.chains.*.rpc-urls}). */
    record Key(String name, boolean buildTime, Optional<String> mappingDefault) {
    }

    private final Map<Pattern, Key> byEnvironmentName;
    private final Map<String, String> applicationProperties;

    private RuntimeConfigKeys(Map<Pattern, Key> byEnvironmentName, Map<String, String> applicationProperties) {
        this.byEnvironmentName = byEnvironmentName;
        this.applicationProperties = applicationProperties;
    }

    static RuntimeConfigKeys load() throws IOException {
        Map<Pattern, Key> keys = new LinkedHashMap<>();
        for (Class<?> mapping : confirmaMappings()) {
            addMapping(keys, mapping, false);
        }
        for (Class<?> root : quarkusConfigRoots()) {
            ConfigRoot configRoot = root.getAnnotation(ConfigRoot.class);
            boolean buildTime = configRoot != null && configRoot.phase() != ConfigPhase.RUN_TIME;
            addMapping(keys, root, buildTime);
        }
        Map<String, String> properties = applicationProperties();
        properties.keySet().forEach(name -> keys.putIfAbsent(environmentPattern(name), new Key(name, false, Optional.empty())));
        return new RuntimeConfigKeys(keys, properties);
    }

    /** The keys this environment variable sets, run-time ones first. */
    List<Key> keysOf(String environmentVariable) {
        List<Key> found = new ArrayList<>();
        byEnvironmentName.forEach((pattern, key) -> {
            if (pattern.matcher(environmentVariable).matches()) {
                found.add(key);
            }
        });
        found.sort((a, b) -> Boolean.compare(a.buildTime(), b.buildTime()));
        return found;
    }

    /** What the server uses when this variable is not set: application.properties' value, else the mapping's default. */
    Optional<String> defaultOf(String environmentVariable) {
        for (Map.Entry<String, String> property : applicationProperties.entrySet()) {
            if (environmentName(property.getKey()).equals(environmentVariable)) {
                return Optional.of(property.getValue());
            }
        }
        return keysOf(environmentVariable).stream().map(Key::mappingDefault).flatMap(Optional::stream).findFirst();
    }

    /** Quarkus' and SmallRye's rule: every character but a letter or digit becomes {@code _}, upper-cased. */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static Pattern environmentPattern(String key) {
        StringBuilder regex = new StringBuilder();
        for (String part : key.split("\\*", -1)) {
            if (regex.length() > 0) {
                regex.append("[A-Z0-9_]+");
            }
            regex.append(Pattern.quote(environmentName(part)));
        }
        return Pattern.compile(regex.toString());
    }

    private static void addMapping(Map<Pattern, Key> keys, Class<?> type, boolean buildTime) {
        ConfigMapping mapping = type.getAnnotation(ConfigMapping.class);
        if (mapping == null) {
            return;
        }
        Map<String, Property> properties = ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(type, mapping.prefix()));
        properties.forEach((name, property) -> {
            if (name.endsWith("[*]")) {
                return; // a list's indexed form; the list's own name is there too
            }
            Optional<String> fallback = property.hasDefaultValue() ? Optional.ofNullable(property.getDefaultValue()) : Optional.empty();
            keys.putIfAbsent(environmentPattern(name), new Key(name, buildTime, fallback));
        });
    }

    private static List<Class<?>> confirmaMappings() throws IOException {
        Path classes;
        try {
            classes = Path.of(ServerConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        List<Class<?>> mappings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = load(name);
                if (type.isAnnotationPresent(ConfigMapping.class)) {
                    mappings.add(type);
                }
            }
        }
        return mappings;
    }

    private static List<Class<?>> quarkusConfigRoots() throws IOException {
        List<Class<?>> roots = new ArrayList<>();
        Enumeration<URL> lists = RuntimeConfigKeys.class.getClassLoader().getResources("META-INF/quarkus-config-roots.list");
        while (lists.hasMoreElements()) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(lists.nextElement().openStream(), StandardCharsets.UTF_8))) {
                in.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(name -> roots.add(load(name)));
            }
        }
        return roots;
    }

    private static Map<String, String> applicationProperties() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            defaults.load(in);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        defaults.stringPropertyNames().stream().filter(k -> !k.startsWith("%")).sorted()
                .forEach(k -> properties.put(k, defaults.getProperty(k)));
        return properties;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, RuntimeConfigKeys.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("listed but not loadable: " + name, e);
        }
    }
}
