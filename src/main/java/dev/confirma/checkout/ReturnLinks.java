package dev.confirma.checkout;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Return URLs a Cryptum plugin puts in the page's query. The order's own (checked at
 * checkout) always win; these fill in only where the order has none, only if http(s), and
 * only on the shop's own host (its {@code callbackUrl}'s): anyone holding a payment link can
 * rewrite its query, and the page must not become a trusted button to a site they chose.
 */
public record ReturnLinks(Optional<String> success, Optional<String> cancel) {

    public static final ReturnLinks NONE = new ReturnLinks(Optional.empty(), Optional.empty());

    public static ReturnLinks fromQuery(String successReturnUrl, String cancelReturnUrl) {
        return new ReturnLinks(httpOnly(successReturnUrl), httpOnly(cancelReturnUrl));
    }

    /** Only the links on {@code shopUrl}'s host. */
    ReturnLinks onHostOf(String shopUrl) {
        Optional<String> shopHost = httpOnly(shopUrl).map(url -> URI.create(url).getHost().toLowerCase(Locale.ROOT));
        return new ReturnLinks(success.filter(url -> sameHost(url, shopHost)), cancel.filter(url -> sameHost(url, shopHost)));
    }

    private static boolean sameHost(String url, Optional<String> host) {
        return host.isPresent() && URI.create(url).getHost().toLowerCase(Locale.ROOT).equals(host.get());
    }

    /** {@code &successReturnUrl=…&cancelReturnUrl=…}, so the page's own links keep them. */
    String asQuery() {
        StringBuilder query = new StringBuilder();
        success.ifPresent(url -> query.append("&successReturnUrl=").append(URLEncoder.encode(url, StandardCharsets.UTF_8)));
        cancel.ifPresent(url -> query.append("&cancelReturnUrl=").append(URLEncoder.encode(url, StandardCharsets.UTF_8)));
        return query.toString();
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
