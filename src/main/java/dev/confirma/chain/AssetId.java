package dev.confirma.chain;

/**
 * An asset on one chain, by the names stored and sent ({@code CELO}, {@code cUSD}): a value to key
 * maps by, and {@link #key()}, the one spelling of the pair ({@code CELO-cUSD}) where a single
 * string is needed.
 */
public record AssetId(String chain, String symbol) {

    public String key() {
        return chain + "-" + symbol;
    }
}
