package dev.confirma.chain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A chain's name on the wire ({@code protocol}, {@code blockchain}): its configuration name
 * ({@code confirma.chains.<name>.*}) upper-cased, so {@code celo} is {@code CELO}. Which names
 * exist is configuration ({@link Chains}), not code.
 */
public record Protocol(String name) implements Comparable<Protocol> {

    /** Lower-case letters and digits, at most 16 characters: the width of the columns that store it. */
    private static final Pattern CONFIG_NAME = Pattern.compile("[a-z][a-z0-9]{0,15}");

    public Protocol {
        if (name == null || !CONFIG_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches() || !name.equals(name.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("not a chain's wire name: " + name);
        }
    }

    /** The chain named {@code confirma.chains.<configName>.*}; refused unless lower-case letters and digits, at most 16. */
    public static Protocol ofConfigName(String configName) {
        if (configName == null || !CONFIG_NAME.matcher(configName).matches()) {
            throw new IllegalArgumentException("confirma.chains." + configName
                    + ": a chain's name is lower-case letters and digits, at most 16 characters, starting with a letter");
        }
        return new Protocol(configName.toUpperCase(Locale.ROOT));
    }

    /** Whether {@code configName} can name a chain: lower-case letters and digits, at most 16, starting with a letter. */
    public static boolean isConfigName(String configName) {
        return configName != null && CONFIG_NAME.matcher(configName).matches();
    }

    /** The chain's name in configuration keys: {@code confirma.chains.<configKey>.*}. */
    public String configKey() {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public int compareTo(Protocol other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
