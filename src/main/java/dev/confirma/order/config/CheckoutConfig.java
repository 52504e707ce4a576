package dev.confirma.order.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;

/** How long checkouts live and what they may ask for, under {@code confirma.checkout.*}. */
@ConfigMapping(prefix = "confirma.checkout")
public interface CheckoutConfig {

    /** Quote lifetime: an unpaid order is cancelled this long after checkout. */
    @WithDefault("PT15M")
    Duration expiry();

    /** Late-payment window after expiry during which payments are still credited. */
    @WithDefault("PT24H")
    Duration monitoring();

    /** Shortfall accepted, in percent of the amount due, before a payment counts as short. */
    @WithDefault("0")
    BigDecimal underpaymentTolerancePercent();

    /** How often pending orders past their expiry are looked for and cancelled. */
    @WithDefault("PT10S")
    Duration expiryCheckInterval();

    /** How often the hosted payment page asks for the order's status while it waits. */
    @WithDefault("PT3S")
    Duration statusPollInterval();

    /** Longest quote lifetime a merchant API order may ask for with {@code expires_in}. */
    @WithDefault("PT24H")
    Duration maxExpiresIn();

    /** Largest orderTotal accepted, in the order's currency. */
    @WithDefault("1000000000")
    BigDecimal maxOrderTotal();
}
