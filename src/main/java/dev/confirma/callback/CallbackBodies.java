package dev.confirma.callback;

/**
 * Renders a delivery's body the first time it is sent; every retry and redelivery sends those
 * same bytes. The adapter whose callbacks these are (the Cryptum plugin API) implements it, so
 * the outbox knows nothing of any body's shape.
 */
public interface CallbackBodies {

    String render(CallbackDelivery delivery);
}
