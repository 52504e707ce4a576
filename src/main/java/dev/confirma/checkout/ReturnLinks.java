package dev.confirma.checkout;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Return URLs a Cryptum plugin puts in the page's query. The order's own (checked at
 * checkout) always win; these fill in only where the order has none, and only if http(s).
 */
public record ReturnLinks(Optional<String> success, Optional<String> cancel) {

    public static final ReturnLinks NONE = new ReturnLinks(Optional.empty(), Optional.empty());

    public static ReturnLinks fromQuery(String successReturnUrl, String cancelReturnUrl) {
        return new ReturnLinks(httpOnly(successReturnUrl), httpOnly(cancelReturnUrl));
    }

    /** An absolute http or https URL with a host; anything else (javascript:, data:, relative) is dropped. */
    public static Optional<String> httpOnly(String url) {
        if (url == null || url.isBlank() || url.length() > 2048) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("http") || scheme.equals("https");
            return web && uri.getHost() != null && !uri.getHost().isBlank() ? Optional.of(uri.toString()) : Optional.empty();
        } catch (URISyntaxException notAUrl) {
            return Optional.empty();
        }
    }
}
