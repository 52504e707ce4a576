package dev.confirma.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Choosing the page's language from {@code ?lang=} and Accept-Language; plain JUnit. */
class PageLanguageTest {

    @Test
    void shouldFollowTheBrowsersPreferenceSkippingWhatItRefuses() {
        assertEquals(PageLanguage.PT_BR, PageLanguage.choose(null, "de;q=0.9, pt-BR;q=0.8, en;q=0.5"));
        assertEquals(PageLanguage.ES, PageLanguage.choose(null, "pt-BR;q=0, es"));
        assertEquals(PageLanguage.ES, PageLanguage.choose("es", "pt-BR"));
    }

    /** Found by GeneratedInputTest (seed 3228519136273520371): the JDK's parser threw an index error on this header, a 500. */
    @Test
    void shouldGiveTheDefaultLanguageForAMalformedHeader() {
        assertEquals(PageLanguage.EN, PageLanguage.choose(null, "-,hodbjs6VmoF3<F\\*H}x*,{+-VI6#YYJZrA`7J/PR?zJ@M&#pzZ}"));
        assertEquals(PageLanguage.EN, PageLanguage.choose(null, "-"));
        assertEquals(PageLanguage.EN, PageLanguage.choose(null, ",,;q=1"));
        assertEquals(PageLanguage.EN, PageLanguage.choose(null, "pt-BR;q=abc"));
    }
}
