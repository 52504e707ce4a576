package dev.confirma.support;

import io.smallrye.config.PropertiesConfigSourceLoader;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilderCustomizer;
import io.smallrye.config.SysPropConfigSource;

/**
 * The tests' configuration comes from the classpath and from what the tests set as system
 * properties, never from the developer's machine: no environment variables, no {@code .env}
 * and no {@code config/application.properties} in the working directory. Without this, the
 * README's own advice (pins in {@code config/application.properties}) changes test results.
 */
public class HermeticConfig implements SmallRyeConfigBuilderCustomizer {

    @Override
    public void configBuilder(SmallRyeConfigBuilder builder) {
        // SmallRye's default sources, less EnvConfigSource, the .env file and the working directory's config/
        builder.setAddDefaultSources(false).setAddSystemSources(false).setAddPropertiesSources(false);
        builder.withSources(new SysPropConfigSource());
        builder.withSources(PropertiesConfigSourceLoader.inClassPath("application.properties", 250, builder.getClassLoader()));
        builder.withSources(PropertiesConfigSourceLoader.inClassPath("META-INF/microprofile-config.properties", 100,
                builder.getClassLoader()));
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE; // after Quarkus' own builders, which ask for the default sources
    }
}
