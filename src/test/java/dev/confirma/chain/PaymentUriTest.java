package dev.confirma.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.confirma.chain.evm.PaymentUri;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class PaymentUriTest {

    @Test
    void shouldWriteNativeTransferWithValueInWei() {
        assertEquals("ethereum:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed@42220?value=25000000000000000000",
                PaymentUri.eip681(null, 42220, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", new BigInteger("25000000000000000000")));
    }

    @Test
    void shouldWriteErc20TransferCallOnTheToken() {
        assertEquals("ethereum:0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48@1/transfer?address=0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359&uint256=12500000",
                PaymentUri.eip681("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", 1, "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
                        BigInteger.valueOf(12_500_000)));
    }
}
