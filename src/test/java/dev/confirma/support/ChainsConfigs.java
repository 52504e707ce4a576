package dev.confirma.support;

import dev.confirma.chain.config.ChainsConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** {@code confirma.chains.*} read as the server reads it, without a server: for plain JUnit tests of chains and assets. */
public final class ChainsConfigs {

    private ChainsConfigs() {
    }

    /** The shipped defaults, then each layer on top of the one before (as an operator's file would be). */
    @SafeVarargs
    public static ChainsConfig defaultsWith(Map<String, String>... layers) {
        try {
            SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                    .withSources(new PropertiesConfigSource(ChainsConfigs.class.getResource("/application.properties"), 100));
            return layered(builder, layers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Only the given layers: no defaults. */
    @SafeVarargs
    public static ChainsConfig only(Map<String, String>... layers) {
        return layered(new SmallRyeConfigBuilder(), layers);
    }

    private static ChainsConfig layered(SmallRyeConfigBuilder builder, Map<String, String>[] layers) {
        for (int i = 0; i < layers.length; i++) {
            builder.withSources(new PropertiesConfigSource(layers[i], "layer-" + i, 200 + i));
        }
        return builder.withMapping(ChainsConfig.class).build().getConfigMapping(ChainsConfig.class);
    }
}
