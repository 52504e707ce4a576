package dev.confirma.chain.evm;

import java.math.BigInteger;

/** EIP-681 payment requests, which wallets open from a QR code or a link. */
public final class PaymentUri {

    private PaymentUri() {
    }

    /**
     * A native transfer ({@code ethereum:<to>@<chainId>?value=<wei>}) when {@code token} is null,
     * else an ERC-20 {@code transfer} on the token ({@code ethereum:<token>@<chainId>/transfer?address=<to>&uint256=<units>}).
     * Amounts are plain integers of base units: no exponent, which some wallets misread.
     */
    public static String eip681(String token, long chainId, String to, BigInteger baseUnits) {
        if (token == null) {
            return "ethereum:" + to + "@" + chainId + "?value=" + baseUnits;
        }
        return "ethereum:" + token + "@" + chainId + "/transfer?address=" + to + "&uint256=" + baseUnits;
    }
}
