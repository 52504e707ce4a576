package dev.confirma.checkout;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The hosted page's languages: English, Brazilian Portuguese and Spanish. {@code ?lang=}
 * wins; otherwise the browser's {@code Accept-Language}, by its own preference order;
 * otherwise English.
 */
public enum PageLanguage {
    EN("en", "English"),
    PT_BR("pt-BR", "Português"),
    ES("es", "Español");

    private final String tag;
    private final String label;

    PageLanguage(String tag, String label) {
        this.tag = tag;
        this.label = label;
    }

    /** The language's name in itself, for the language links. */
    public String label() {
        return label;
    }

    /** The BCP 47 tag, for {@code <html lang>} and {@code ?lang=}. */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    public static PageLanguage choose(String langParameter, String acceptLanguage) {
        return parse(langParameter).or(() -> fromAcceptLanguage(acceptLanguage)).orElse(EN);
    }

    /** {@code pt}, {@code pt-BR}, {@code pt_BR}, {@code es-MX}, {@code en-GB}…: by language, any region. */
    static Optional<PageLanguage> parse(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        return switch (language) {
            case "en" -> Optional.of(EN);
            case "pt" -> Optional.of(PT_BR);
            case "es" -> Optional.of(ES);
            default -> Optional.empty();
        };
    }

    /** RFC 4647 language ranges, comma-separated, each with an optional q weight. */
    private static final java.util.regex.Pattern ACCEPT_LANGUAGE = java.util.regex.Pattern.compile(
            "\\s*(\\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)\\s*(;\\s*[qQ]\\s*=\\s*[0-9.]{1,5})?\\s*"
                    + "(,\\s*(\\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)\\s*(;\\s*[qQ]\\s*=\\s*[0-9.]{1,5})?\\s*)*");

    private static Optional<PageLanguage> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > 512 || !ACCEPT_LANGUAGE.matcher(header).matches()) {
            return Optional.empty(); // checked first: the JDK's parser fails on some malformed headers with an index error
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty(); // a browser's malformed header gets the default language, not an error page
        }
        // parse() sorts by weight, so the first range we speak is the browser's preference
        // q=0 means "not this one"
        return ranges.stream().filter(range -> range.getWeight() > 0)
                .map(range -> parse(range.getRange())).flatMap(Optional::stream).findFirst();
    }
}
