package dev.confirma.chain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A chain Confirma accepts payments on, named as the Cryptum API names it. */
public enum Protocol {
    CELO("celo", "Celo"),
    ETHEREUM("ethereum", "Ethereum");

    private final String configKey;
    private final String displayName;

    Protocol(String configKey, String displayName) {
        this.configKey = configKey;
        this.displayName = displayName;
    }

    /** The chain's name as shoppers and wallets know it. */
    public String displayName() {
        return displayName;
    }

    /** The chain's name in configuration keys: {@code confirma.chains.<configKey>.*}. */
    public String configKey() {
        return configKey;
    }

    public static Optional<Protocol> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String upper = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.name().equals(upper)).findFirst();
    }

    public static Optional<Protocol> fromConfigKey(String key) {
        return Arrays.stream(values()).filter(p -> p.configKey.equals(key)).findFirst();
    }
}
