package dev.confirma.refund;

import dev.confirma.chain.Asset;
import dev.confirma.chain.watch.TransferReceipts.TokenTransfer;
import dev.confirma.chain.watch.TransferReceipts.TransferReceipt;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a mined transaction is the refund it is said to be: a pure function of the receipt.
 * The native coin counts as the transaction's value to the address, or (CELO's token duality) a
 * {@code Transfer} log of the coin's own token contract; a token counts as a {@code Transfer}
 * log of its contract. One movement must carry the whole amount.
 */
final class RefundVerification {

    /** The verdict: {@code reason} says what the transaction moves when it is not the refund. */
    record Verdict(RefundStatus status, String reason) {
    }

    private RefundVerification() {
    }

    /** Not mined yet: pending. */
    static Verdict notMined() {
        return new Verdict(RefundStatus.PENDING, "the transaction is not mined yet");
    }

    static Verdict of(TransferReceipt receipt, Asset asset, String toAddress, BigInteger amount, int depth) {
        if (!receipt.succeeded()) {
            return new Verdict(RefundStatus.REJECTED, "the transaction failed (reverted) in block " + receipt.blockNumber());
        }
        boolean sends = movements(receipt, asset).stream()
                .anyMatch(m -> m.to().equalsIgnoreCase(toAddress) && m.value().compareTo(amount) >= 0);
        if (!sends) {
            return new Verdict(RefundStatus.REJECTED, "the transaction does not send " + display(amount, asset) + " "
                    + asset.symbol() + " to " + toAddress + "; it " + found(receipt, asset));
        }
        if (receipt.confirmations() < depth) {
            return new Verdict(RefundStatus.PENDING, receipt.confirmations() + " of " + depth + " confirmations");
        }
        return new Verdict(RefundStatus.VERIFIED, null);
    }

    private record Movement(String to, BigInteger value) {
    }

    private static List<Movement> movements(TransferReceipt receipt, Asset asset) {
        List<Movement> movements = new ArrayList<>();
        if (asset.isNative() && receipt.to().isPresent() && receipt.value().signum() > 0) {
            movements.add(new Movement(receipt.to().get(), receipt.value()));
        }
        Optional<String> contract = asset.contract().or(asset::tokenContract);
        for (TokenTransfer transfer : receipt.tokenTransfers()) {
            if (contract.isPresent() && transfer.contract().equalsIgnoreCase(contract.get())) {
                movements.add(new Movement(transfer.to(), transfer.value()));
            }
        }
        return movements;
    }

    /** What the transaction moves of the asset, or that it moves none of it. */
    private static String found(TransferReceipt receipt, Asset asset) {
        List<Movement> movements = movements(receipt, asset);
        if (movements.isEmpty()) {
            int others = receipt.tokenTransfers().size() + (receipt.value().signum() > 0 ? 1 : 0);
            return "moves no " + asset.symbol() + (others > 0 ? " (it moves " + others + " other transfer(s))" : "");
        }
        List<String> sent = movements.stream().map(m -> display(m.value(), asset) + " " + asset.symbol() + " to " + m.to()).toList();
        return "sends " + String.join(", ", sent);
    }

    private static String display(BigInteger baseUnits, Asset asset) {
        return new BigDecimal(baseUnits, asset.decimals()).stripTrailingZeros().toPlainString();
    }
}
