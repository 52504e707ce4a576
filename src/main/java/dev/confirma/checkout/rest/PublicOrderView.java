package dev.confirma.checkout.rest;

import dev.confirma.checkout.PaymentPage;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The order as its shopper sees it: no delivery details, callback URL or store settings.
 * {@code state} is the page's ({@code waiting}, {@code seen}, {@code confirmed}, {@code short},
 * {@code failed}, {@code expired}, {@code cancelled}); {@code paymentStatus} is CONTRACT §3's.
 */
public record PublicOrderView(
        String id,
        String ecommerceOrderId,
        String storeName,
        String orderTotal,
        String orderCurrency,
        String paymentStatus,
        String state,
        boolean late,
        Instant expiresAt,
        long secondsLeft,
        List<Quote> quotes,
        List<PaymentPage.TransactionLine> transactions,
        PaymentPage.Progress progress,
        PaymentPage.Shortfall shortfall,
        String successReturnUrl,
        String cancelReturnUrl) {

    /** An amount due, as in the plugin API's quotes, with the chain id a wallet needs and the asset's name for people. */
    @Schema(name = "PageQuote")
    public record Quote(String protocol, long chainId, String asset, String assetName, String contract, String address, String amount,
                        String amountBaseUnits, String paymentUri) {
    }

    static PublicOrderView of(PaymentPage page) {
        return new PublicOrderView(page.orderId(), page.ecommerceOrderId(), page.storeName(), page.orderTotal(), page.orderCurrency(),
                page.paymentStatus(), page.state().wire(), page.late(), page.expiresAt(), page.secondsLeft(),
                page.quotes().stream().map(q -> new Quote(q.protocol(), q.chainId(), q.asset(), q.assetName(), q.contract(), q.address(),
                        q.amount(), q.amountBaseUnits(), q.paymentUri())).toList(),
                page.transactions(), page.progress(), page.shortfall(), page.successReturnUrl(), page.cancelReturnUrl());
    }
}
