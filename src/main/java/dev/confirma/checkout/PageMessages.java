package dev.confirma.checkout;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The hosted page's words, in English; {@code messages/msg_pt-BR.properties} and
 * {@code messages/msg_es.properties} translate every one (the build fails on a missing key's
 * parameter mismatch, and a test checks none is missing).
 */
@MessageBundle(value = "msg", locale = "en")
public interface PageMessages {

    @Message("Pay {storeName}")
    String title(String storeName);

    @Message("Order {number}")
    String orderNumber(String number);

    @Message("Total")
    String total();

    @Message("Pay with")
    String payWith();

    @Message("{asset} on {chain}")
    String onChain(String asset, String chain);

    @Message("Amount")
    String amountLabel();

    @Message("Send exactly this amount, in a single transaction.")
    String exactAmount();

    @Message("To this {chain} address")
    String addressLabel(String chain);

    @Message("Copy")
    String copy();

    @Message("Copied")
    String copied();

    @Message("Select it and copy it by hand")
    String copyFailed();

    @Message("Scan with your wallet app to pay {amount} {asset} on {chain}")
    String qrCaption(String amount, String asset, String chain);

    @Message("Open in wallet app")
    String openWallet();

    @Message("Time left to pay")
    String timeLeft();

    @Message("Pay with browser wallet")
    String walletButton();

    @Message("Confirm the payment in your wallet…")
    String walletWorking();

    @Message("The payment was cancelled in your wallet.")
    String walletRejected();

    @Message("Your wallet could not send the payment:")
    String walletFailed();

    @Message("Already paid? Paste the transaction hash")
    String hashLegend();

    @Message("Transaction hash")
    String hashLabel();

    @Message("Send")
    String hashSubmit();

    @Message("A transaction hash is 0x followed by 64 hexadecimal characters.")
    String hashInvalid();

    @Message("This transaction hash was not accepted:")
    String hashRefused();

    @Message("Thanks: we are checking this transaction.")
    String hashAccepted();

    @Message("Payment status")
    String statusLabel();

    @Message("Waiting for your payment")
    String waitingTitle();

    @Message("This page updates by itself as soon as your payment is seen on the chain.")
    String waitingDetail();

    @Message("Payment seen")
    String seenTitle();

    @Message("{confirmations} of {required} confirmations")
    String seenProgress(long confirmations, long required);

    @Message("Looking for your transaction on the chain…")
    String seenUnverified();

    @Message("You can close this page: the store is told when the payment is confirmed.")
    String seenDetail();

    @Message("Payment confirmed")
    String confirmedTitle();

    @Message("Thank you! Your payment was received.")
    String confirmedDetail();

    @Message("View the transaction on {explorer}")
    String viewTransaction(String explorer);

    @Message("Your payment arrived after the time limit and was still accepted.")
    String lateNote();

    @Message("Payment short")
    String shortTitle();

    @Message("We received {received} {unit}; {missing} {unit} is missing. Contact the store to complete your order.")
    String shortDetail(String received, String missing, String unit);

    @Message("Payment not accepted")
    String failedTitle();

    @Message("The transaction does not pay this order. Contact the store.")
    String failedDetail();

    @Message("This payment request has expired")
    String expiredTitle();

    @Message("If you already sent a payment, it is still credited when it arrives.")
    String expiredDetail();

    @Message("This order was cancelled")
    String cancelledTitle();

    @Message("Return to the store")
    String returnToStore();

    @Message("Back to the store")
    String backToStore();

    @Message("Transactions")
    String transactions();

    @Message("Reload this page to see the latest status.")
    String noScript();

    @Message("Language")
    String language();

    @Message("This payment link does not work")
    String unavailableTitle();

    @Message("The link is incomplete: open the payment link from the store again.")
    String unavailableMissing();

    @Message("The link has expired or is not valid. Go back to the store to start a new payment.")
    String unavailableInvalid();

    @Message("This link belongs to another order.")
    String unavailableOther();

    @Message("This order does not exist.")
    String unavailableUnknown();
}
