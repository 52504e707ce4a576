package dev.confirma.rates;

/** A price's two sides: 1 {@code asset} costs so much {@code currency} (an ISO code or an asset symbol). */
public record Pair(String asset, String currency) {

    @Override
    public String toString() {
        return asset + "/" + currency;
    }
}
