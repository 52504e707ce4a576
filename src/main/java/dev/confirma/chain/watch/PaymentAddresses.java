package dev.confirma.chain.watch;

import dev.confirma.chain.Protocol;
import java.util.Collection;

/** A source of addresses payments may arrive at on a chain; the watcher watches the union of all sources. */
public interface PaymentAddresses {

    Collection<String> on(Protocol chain);
}
