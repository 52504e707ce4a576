package dev.confirma.callback;

import dev.confirma.common.error.ApiException;
import dev.confirma.callback.config.CallbacksConfig;
import jakarta.inject.Singleton;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The SSRF guard: a callback may only go to a public address. The host is resolved and every
 * address it resolves to is checked; the sender then connects to the checked address itself,
 * so a DNS answer that changes between the check and the connection (rebinding) cannot
 * redirect it. {@code confirma.callbacks.allow-private-targets=true} lifts the check.
 */
@Singleton
public class CallbackTargets {

    private final CallbacksConfig config;

    CallbackTargets(CallbacksConfig config) {
        this.config = config;
    }

    /** Why a callback URL is refused. */
    public static final class RefusedTarget extends Exception {
        RefusedTarget(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The guard at the door, when an order names its callback URL (checked again before every
     * delivery, against the address then connected to); {@code field} names it in the refusal.
     */
    public String requirePublic(String callbackUrl, String field) {
        if (guarded()) {
            try {
                resolve(URI.create(callbackUrl));
            } catch (RefusedTarget refused) {
                throw ApiException.invalidField(field, field + " is refused: " + refused.getMessage()
                        + " (the operator may allow private targets with confirma.callbacks.allow-private-targets=true)");
            }
        }
        return callbackUrl;
    }

    /** Whether callback URLs are checked at all. */
    public boolean guarded() {
        return !config.allowPrivateTargets();
    }

    /**
     * Resolves the URL's host and returns the address to connect to: the first one, once every
     * address the host resolves to has passed the check (unless the check is lifted).
     */
    public InetAddress resolve(URI url) throws RefusedTarget {
        String host = host(url);
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw new RefusedTarget("host " + host + " cannot be resolved");
        } catch (SecurityException e) {
            throw new RefusedTarget("host " + host + " cannot be resolved: " + e.getMessage());
        }
        if (guarded()) {
            for (InetAddress address : addresses) {
                Optional<String> kind = forbiddenKind(address);
                if (kind.isPresent()) {
                    throw new RefusedTarget("host " + host + " resolves to " + address.getHostAddress() + " (" + kind.get()
                            + "); callbacks go to public addresses only");
                }
            }
        }
        return addresses[0];
    }

    static String host(URI url) {
        String host = url.getHost();
        if (host == null || host.isBlank()) {
            return "";
        }
        // an IPv6 literal comes bracketed
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The kind of non-public address this is (loopback, private, ...), or empty for a public one. */
    public static Optional<String> forbiddenKind(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            Optional<byte[]> embedded = embeddedIpv4(b);
            if (embedded.isPresent()) {
                return ipv4Kind(embedded.get());
            }
            if (address.isAnyLocalAddress()) {
                return Optional.of("unspecified");
            }
            if (address.isLoopbackAddress()) {
                return Optional.of("loopback");
            }
            if (address.isLinkLocalAddress() || (b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
                return Optional.of("link-local");
            }
            if (address.isSiteLocalAddress()) {
                return Optional.of("private (site-local)");
            }
            if ((b[0] & 0xfe) == 0xfc) {
                // fc00::/7, which also holds cloud metadata endpoints such as AWS's fd00:ec2::254
                return Optional.of("unique-local");
            }
            if (address.isMulticastAddress()) {
                return Optional.of("multicast");
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8) {
                return Optional.of("documentation (2001:db8::/32)");
            }
            return Optional.empty();
        }
        return ipv4Kind(address.getAddress());
    }

    /**
     * IPv4 inside IPv6: IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64
     * (64:ff9b::a.b.c.d) and 6to4 (2002:abcd:...) forms reach the IPv4 address they carry.
     */
    private static Optional<byte[]> embeddedIpv4(byte[] b) {
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        if (firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return Optional.of(new byte[] {b[12], b[13], b[14], b[15]});
        }
        if (firstTenZero && b[10] == 0 && b[11] == 0) {
            boolean upperZero = b[12] == 0 && b[13] == 0 && b[14] == 0;
            if (!upperZero) { // ::1 and :: are IPv6's own loopback and unspecified addresses
                return Optional.of(new byte[] {b[12], b[13], b[14], b[15]});
            }
            return Optional.empty();
        }
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        if (nat64) {
            return Optional.of(new byte[] {b[12], b[13], b[14], b[15]});
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return Optional.of(new byte[] {b[2], b[3], b[4], b[5]});
        }
        return Optional.empty();
    }

    private static Optional<String> ipv4Kind(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        int a3 = b[3] & 0xff;
        if (a0 == 0) {
            return Optional.of("unspecified (0.0.0.0/8)");
        }
        if (a0 == 127) {
            return Optional.of("loopback");
        }
        if (a0 == 10 || a0 == 172 && (a1 & 0xf0) == 16 || a0 == 192 && a1 == 168) {
            return Optional.of("private");
        }
        if (a0 == 169 && a1 == 254) {
            // 169.254.169.254 is the metadata endpoint of AWS, GCP, Azure and most other clouds
            return Optional.of(a2 == 169 && a3 == 254 ? "cloud metadata" : "link-local");
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            // shared address space (carrier-grade NAT); also Alibaba Cloud's metadata at 100.100.100.200
            return Optional.of(a1 == 100 && a2 == 100 && a3 == 200 ? "cloud metadata" : "shared (carrier-grade NAT)");
        }
        if (a0 == 192 && a1 == 0 && a2 == 0) {
            // IETF protocol assignments; Oracle Cloud's metadata is 192.0.0.192
            return Optional.of(a3 == 192 ? "cloud metadata" : "reserved (192.0.0.0/24)");
        }
        if (a0 == 198 && (a1 & 0xfe) == 18) {
            return Optional.of("benchmarking (198.18.0.0/15)");
        }
        if (a0 >= 224 && a0 <= 239) {
            return Optional.of("multicast");
        }
        if (a0 >= 240) {
            return Optional.of(a0 == 255 && a1 == 255 && a2 == 255 && a3 == 255 ? "broadcast" : "reserved (240.0.0.0/4)");
        }
        if (a0 == 192 && a1 == 0 && a2 == 2 || a0 == 198 && a1 == 51 && a2 == 100 || a0 == 203 && a1 == 0 && a2 == 113) {
            return Optional.of("documentation");
        }
        return Optional.empty();
    }
}
