package dev.confirma.chain.evm;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.math.ec.ECPoint;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * A BIP-32 extended public key ({@code xpub…}): derives watch-only child keys and their
 * Ethereum addresses, so a store can be given a fresh address per order while every private
 * key stays in the merchant's wallet. Only public (non-hardened) derivation exists here.
 */
public final class ExtendedPublicKey {

    /** Mainnet public version bytes, "xpub". */
    private static final int XPUB = 0x0488B21E;
    /** Private version bytes ("xprv", "tprv"): refused, never parsed. */
    private static final int XPRV = 0x0488ADE4;
    private static final int TPRV = 0x04358394;
    private static final int SERIALIZED_LENGTH = 78;

    private final int depth;
    private final int parentFingerprint;
    private final int childNumber;
    private final byte[] chainCode;
    private final ECPoint key;

    /** For tests that build a key from a private-key derivation. */
    ExtendedPublicKey(int depth, int parentFingerprint, int childNumber, byte[] chainCode, ECPoint key) {
        this.depth = depth;
        this.parentFingerprint = parentFingerprint;
        this.childNumber = childNumber;
        this.chainCode = chainCode;
        this.key = key.normalize();
    }

    /** Why the text is not a usable xpub, or the key. */
    public static ExtendedPublicKey parse(String text) {
        byte[] raw = Base58Check.decode(text).orElseThrow(() ->
                new IllegalArgumentException("not a Base58Check extended key (a character or the checksum is wrong)"));
        if (raw.length != SERIALIZED_LENGTH) {
            throw new IllegalArgumentException("an extended key is " + SERIALIZED_LENGTH + " bytes, not " + raw.length);
        }
        ByteBuffer in = ByteBuffer.wrap(raw);
        int version = in.getInt();
        if (version == XPRV || version == TPRV) {
            throw new IllegalArgumentException("this is an extended PRIVATE key: give the server the xpub only, and keep the xprv secret");
        }
        if (version != XPUB) {
            throw new IllegalArgumentException("only mainnet xpub keys are accepted");
        }
        int depth = in.get() & 0xFF;
        int fingerprint = in.getInt();
        int child = in.getInt();
        byte[] chainCode = new byte[32];
        in.get(chainCode);
        byte[] keyBytes = new byte[33];
        in.get(keyBytes);
        if (keyBytes[0] != 2 && keyBytes[0] != 3) {
            throw new IllegalArgumentException("the key is not a compressed secp256k1 public key");
        }
        ECPoint point;
        try {
            point = Sign.CURVE_PARAMS.getCurve().decodePoint(keyBytes);
        } catch (IllegalArgumentException notOnCurve) {
            throw new IllegalArgumentException("the key is not a point on secp256k1");
        }
        return new ExtendedPublicKey(depth, fingerprint, child, chainCode, point);
    }

    /** CKDpub: the non-hardened child {@code index} (0 ≤ index < 2^31). */
    public ExtendedPublicKey child(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("hardened children (index ≥ 2^31) cannot be derived from a public key");
        }
        byte[] data = ByteBuffer.allocate(37).put(key.getEncoded(true)).putInt(index).array();
        byte[] i = hmacSha512(chainCode, data);
        BigInteger tweak = new BigInteger(1, Arrays.copyOfRange(i, 0, 32));
        ECPoint childKey = Sign.CURVE_PARAMS.getG().multiply(tweak).add(key);
        if (tweak.compareTo(Sign.CURVE_PARAMS.getN()) >= 0 || childKey.isInfinity()) {
            // probability below 2^-127; BIP-32 says to proceed with the next index
            throw new IllegalStateException("BIP-32 child " + index + " is invalid; use the next index");
        }
        return new ExtendedPublicKey(depth + 1, fingerprint(), index, Arrays.copyOfRange(i, 32, 64), childKey);
    }

    /** The key at {@code path} below this one, as non-hardened indexes: {@code derive(0, 7)} is {@code …/0/7}. */
    public ExtendedPublicKey derive(int... path) {
        ExtendedPublicKey at = this;
        for (int index : path) {
            at = at.child(index);
        }
        return at;
    }

    /** The EIP-55 checksummed Ethereum address of this key. */
    public String address() {
        byte[] uncompressed = key.getEncoded(false);
        return Keys.toChecksumAddress(Keys.getAddress(Numeric.toHexStringNoPrefix(Arrays.copyOfRange(uncompressed, 1, 65))));
    }

    public String serialize() {
        ByteBuffer out = ByteBuffer.allocate(SERIALIZED_LENGTH)
                .putInt(XPUB).put((byte) depth).putInt(parentFingerprint).putInt(childNumber).put(chainCode).put(key.getEncoded(true));
        return Base58Check.encode(out.array());
    }

    private int fingerprint() {
        return ByteBuffer.wrap(Hash.sha256hash160(key.getEncoded(true))).getInt();
    }

    private static byte[] hmacSha512(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(key, "HmacSHA512"));
            return mac.doFinal(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA512 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return serialize();
    }
}
