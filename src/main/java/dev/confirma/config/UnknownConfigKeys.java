package dev.confirma.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Warns about {@code confirma.*} keys this version does not know. Never fatal: an
 * operator's config file outlives the version it was written for, and a typo deserves a
 * warning, not an outage.
 */
@Singleton
public class UnknownConfigKeys {

    private static final Logger LOG = Logger.getLogger(UnknownConfigKeys.class);

    static final List<Pattern> KNOWN = List.of(
            Pattern.compile("confirma\\.(public-url|admin-token)"),
            Pattern.compile("confirma\\.datasource\\.default-url\\.[a-z0-9]+"),
            Pattern.compile("confirma\\.checkout\\.(expiry|monitoring|max-order-total|max-expires-in|underpayment-tolerance-percent|expiry-check-interval|status-poll-interval)"),
            Pattern.compile("confirma\\.chains\\.[a-z0-9-]+\\.(chain-id|display-name|native-symbol|native-decimals|rpc-urls|confirmations|poll-interval|enabled|rpc-timeout|log-range|rpc-batch-size|explorer-url|wallet-rpc-url)"),
            Pattern.compile("confirma\\.chains\\.[a-z0-9-]+\\.assets\\.[A-Za-z0-9.]+\\.(contract|decimals|coingecko-id|token-contract|display-name)"),
            Pattern.compile("confirma\\.rates\\.(providers|refresh-interval|max-age|max-deviation-percent|timeout|currencies|coingecko\\.url|coinbase\\.url|pins)"),
            Pattern.compile("confirma\\.rates\\.fixed\\.\"?[A-Za-z0-9]+/[A-Za-z]+\"?"),
            Pattern.compile("confirma\\.callbacks\\.(allow-private-targets|retry-delays|connect-timeout|timeout|poll-interval)"),
            Pattern.compile("confirma\\.refunds\\.check-interval"),
            Pattern.compile("confirma\\.webhooks\\.disable-after"),
            Pattern.compile("confirma\\.api-keys\\.rotation-grace"),
            Pattern.compile("confirma\\.rate-limit\\.(enabled|window|checkouts-per-key|public-per-address|max-tracked)"),
            Pattern.compile("confirma\\.privacy\\.retention-check-interval"),
            Pattern.compile("confirma\\.cluster\\.lease-ttl"),
            Pattern.compile("confirma\\.health\\.max-chain-lag"),
            Pattern.compile("confirma\\.metrics\\.refresh-interval"),
            Pattern.compile("confirma\\.reports\\.(fetch-size|timeout|max-concurrent)"));

    void warnOnStart(@Observes StartupEvent event, Config config) {
        TreeSet<String> unknown = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("confirma.") && !isKnown(name)) {
                unknown.add(name);
            }
        }
        for (String name : unknown) {
            LOG.warnf("Unknown configuration key %s is ignored (check its spelling against the README)", name);
        }
    }

    static boolean isKnown(String name) {
        return KNOWN.stream().anyMatch(pattern -> pattern.matcher(name).matches());
    }
}
