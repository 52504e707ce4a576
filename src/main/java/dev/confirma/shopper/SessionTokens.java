package dev.confirma.shopper;

import dev.confirma.order.Order;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.confirma.common.Secrets;
import dev.confirma.common.ServerSecrets;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Shopper session tokens: HS256 JWTs naming one order, valid until the order's
 * late-payment window closes. The signing key is generated once and kept in the database,
 * so every instance accepts every other instance's tokens.
 */
@Singleton
public class SessionTokens {

    static final String AUDIENCE = "confirma-session";
    private static final String KEY_NAME = "session-signing-key";

    private final ServerSecrets secrets;
    private final Clock clock;
    private volatile byte[] key;

    SessionTokens(ServerSecrets secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    /** The same order always gets the same token: it depends only on the order. */
    public String issue(Order order) {
        Instant validUntil = order.monitoredUntil;
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(order.id)
                .audience(AUDIENCE)
                .expirationTime(Date.from(validUntil))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(key()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign session token", e);
        }
        return jwt.serialize();
    }

    /** The order id a valid, unexpired token names; empty for anything else. */
    public Optional<String> verify(String token) {
        if (token == null || token.isBlank() || token.length() > 2048) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token.trim());
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(key()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            List<String> audience = claims.getAudience();
            if (expiry == null || !clock.instant().isBefore(expiry.toInstant()) || audience == null || !audience.contains(AUDIENCE)) {
                return Optional.empty();
            }
            return Optional.ofNullable(claims.getSubject());
        } catch (ParseException | JOSEException notAToken) {
            return Optional.empty();
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            String stored = secrets.getOrCreate(KEY_NAME,
                    () -> Base64.getEncoder().encodeToString(Secrets.randomBytes(32))).value();
            k = Base64.getDecoder().decode(stored);
            key = k;
        }
        return k;
    }
}
