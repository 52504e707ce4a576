package dev.confirma.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every English message has its Portuguese and Spanish translation, and no translation is left over. */
class PageMessagesTest {

    @Test
    void shouldTranslateEveryMessage() throws IOException {
        Set<String> english = Arrays.stream(PageMessages.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        for (String file : new String[] {"messages/msg_pt-BR.properties", "messages/msg_es.properties"}) {
            Properties translated = new Properties();
            try (var in = new InputStreamReader(getClass().getClassLoader().getResourceAsStream(file), StandardCharsets.UTF_8)) {
                translated.load(in);
            }
            assertEquals(english, new TreeSet<>(translated.stringPropertyNames()), file);
        }
    }
}
