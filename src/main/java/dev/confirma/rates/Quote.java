package dev.confirma.rates;

import dev.confirma.chain.Asset;
import java.math.BigInteger;

/** What the shopper owes in one asset: an exact integer of base units, sent to one address. */
public record Quote(Asset asset, String address, BigInteger amountBaseUnits) {
}
