package dev.confirma.shopper;

import dev.confirma.config.ServerConfig;
import dev.confirma.order.Order;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The link a shopper pays an order by: the hosted page's short form (CONTRACT §5) with the order's session token. */
@Singleton
public class PaymentLinks {

    private final SessionTokens sessionTokens;
    private final ServerConfig server;

    PaymentLinks(SessionTokens sessionTokens, ServerConfig server) {
        this.sessionTokens = sessionTokens;
        this.server = server;
    }

    public Link of(Order order) {
        String token = sessionTokens.issue(order);
        String base = server.publicUrl().replaceAll("/+$", "");
        return new Link(token, base + "/pay/" + order.id + "?sessionToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    public record Link(String sessionToken, String url) {
    }
}
