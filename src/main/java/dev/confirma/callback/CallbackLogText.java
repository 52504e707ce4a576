package dev.confirma.callback;

import java.net.URI;

/**
 * How a delivery is named in the log: its order or subscription, and the target's host alone.
 * Never the whole URL: a plugin's callbackUrl may carry a token in its path or query.
 */
final class CallbackLogText {

    private CallbackLogText() {
    }

    static String subject(CallbackDelivery delivery) {
        if (delivery.subscriptionId == null) {
            return "for order " + delivery.orderId;
        }
        return "for subscription " + delivery.subscriptionId + (delivery.orderId != null ? " (order " + delivery.orderId + ")" : "");
    }

    /** The URL's host (and port, which says which service on it); "?" when the stored URL does not parse. */
    static String host(String url) {
        if (url == null) {
            return "?";
        }
        try {
            URI uri = new URI(url);
            String host = uri.getHost();
            if (host == null) {
                return "?";
            }
            return uri.getPort() == -1 ? host : host + ":" + uri.getPort();
        } catch (java.net.URISyntaxException e) {
            return "?"; // the URL was checked when stored; a log line is no place to fail on it
        }
    }
}
