package dev.confirma.checkout;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.confirma.common.Money;
import dev.confirma.payment.OrderTransactions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Everything the hosted page shows for one order, in the shopper's language. Built by
 * {@link PaymentPages}; the templates only lay it out. Every URL here is already safe to
 * print in an attribute: return links are http(s) only, page links are built here.
 */
public record PaymentPage(
        String orderId,
        String ecommerceOrderId,
        String storeName,
        /* CONTRACT §3's paymentStatus, for the page's JSON */
        String paymentStatus,
        /* the order total as the plugin API writes it ("49.90"), in orderCurrency */
        String orderTotal,
        String orderCurrency,
        PaymentPageState state,
        boolean late,
        java.time.Instant expiresAt,
        long secondsLeft,
        List<QuoteOption> quotes,
        List<TransactionLine> transactions,
        /* while SEEN: how deep the least confirmed payment is */
        Progress progress,
        /* while SHORT: what arrived and what is missing */
        Shortfall shortfall,
        /* once CONFIRMED: the transaction that paid, on the chain's explorer */
        TransactionLink paidWith,
        String successReturnUrl,
        String cancelReturnUrl,
        /* the query's return links that passed, carried in the page's own links */
        ReturnLinks queryLinks,
        PageLanguage language,
        String sessionToken,
        long pollMillis) {

    /** One asset on one chain the order can be paid with, and how to pay it; {@code assetName} is for people, {@code asset} the API's symbol. */
    public record QuoteOption(String key, String protocol, String chainName, long chainId, String asset, String assetName, String contract,
                              String amount, String amountBaseUnits, String address, String paymentUri,
                              boolean selected, String nativeSymbol, int nativeDecimals, String walletRpcUrl, String explorerUrl) {

        public String chainIdHex() {
            return "0x" + Long.toHexString(chainId);
        }

        /** Drawn when the full page is rendered, not for the status region or the JSON. */
        public String qrSvg() {
            return QrCode.svg(paymentUri, "qr-caption-" + key);
        }
    }

    /** A payment the chain showed, or a claimed hash it has not shown yet ({@code status} unverified). */
    @JsonPropertyOrder({"protocol", "hash", "asset", "assetName", "amount", "confirmations", "requiredConfirmations", "status",
            "explorerUrl"})
    public record TransactionLine(String protocol, String hash, String asset, String assetName, String amount, long confirmations,
                                  long requiredConfirmations, @JsonIgnore OrderTransactions.Standing standing, String explorerUrl) {

        /** The standing as the page and its JSON write it ({@code confirmed}, {@code pending}, {@code ignored}, {@code unverified}). */
        @JsonProperty
        public String status() {
            return standing.name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code confirmations} of {@code required}; {@code verified} false while only a claimed hash is known. */
    public record Progress(long confirmations, long required, boolean verified) {
    }

    /** Amounts in {@code unit}: an asset symbol (named {@code unitName} for people), or the order currency when several assets were paid. */
    public record Shortfall(String received, String missing, String unit, String unitName) {
    }

    public record TransactionLink(String hash, String url, String explorer) {
    }

    /** The order total for people, in the shopper's language ("R$ 49,90"). */
    public String displayTotal() {
        return Money.display(new java.math.BigDecimal(orderTotal), orderCurrency, language.locale());
    }

    /** The language links at the top of the page. */
    public List<PageLanguage> languages() {
        return List.of(PageLanguage.values());
    }

    /** The pay-now panel (asset choice, amount, QR, wallet) shows only while a payment is wanted. */
    public boolean showsPayment() {
        return state == PaymentPageState.WAITING && !quotes.isEmpty();
    }

    /** A hash may be attached while the order waits, and after expiry inside the late-payment window. */
    public boolean acceptsHash() {
        return state == PaymentPageState.WAITING || state == PaymentPageState.EXPIRED;
    }

    /** "14:59", or "1:02:03" for an hour or more. */
    public String countdown() {
        long s = Math.max(0, secondsLeft);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%02d:%02d", s / 60, s % 60);
    }

    public String pageUrl(PageLanguage lang) {
        return "/pay/" + encode(orderId) + "?sessionToken=" + encode(sessionToken) + "&lang=" + lang.tag() + queryLinks.asQuery();
    }

    public String quoteUrl(QuoteOption quote) {
        return pageUrl(language) + "&quote=" + encode(quote.key());
    }

    /** The status fragment the page swaps in when the order changes. */
    public String statusUrl() {
        return "/pay/" + encode(orderId) + "/status?lang=" + language.tag() + queryLinks.asQuery();
    }

    /** The page's JSON (CONTRACT §5). */
    public String orderUrl() {
        return "/public/orders/" + encode(orderId);
    }

    /** Where a transaction hash is attached (CONTRACT §3, with the session token). */
    public String claimUrl() {
        return "/plugins/checkout/" + encode(orderId);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
