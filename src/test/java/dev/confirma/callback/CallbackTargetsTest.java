package dev.confirma.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SSRF guard's address classes, IPv4 and IPv6, including IPv4 carried inside IPv6. */
class CallbackTargetsTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "127.0.0.1, loopback",
            "127.255.255.254, loopback",
            "::1, loopback",
            "10.1.2.3, private",
            "172.16.0.1, private",
            "172.31.255.255, private",
            "192.168.1.1, private",
            "169.254.1.1, link-local",
            "fe80::1, link-local",
            "169.254.169.254, cloud metadata",
            "100.100.100.200, cloud metadata",
            "192.0.0.192, cloud metadata",
            "fd00:ec2::254, unique-local",
            "fc00::1, unique-local",
            "224.0.0.1, multicast",
            "239.255.255.250, multicast",
            "ff02::1, multicast",
            "0.0.0.0, unspecified (0.0.0.0/8)",
            ":: , unspecified",
            "100.64.0.1, shared (carrier-grade NAT)",
            "255.255.255.255, broadcast",
            "240.0.0.1, reserved (240.0.0.0/4)",
    })
    void shouldRefuseEveryNonPublicAddressClass(String address, String kind) throws UnknownHostException {
        assertEquals(Optional.of(kind), CallbackTargets.forbiddenKind(InetAddress.getByName(address.trim())));
    }

    @ParameterizedTest(name = "{0} carries {1}")
    @CsvSource({
            "00000000000000000000ffff7f000001, loopback",          // ::ffff:127.0.0.1 (IPv4-mapped)
            "00000000000000000000ffff0a000001, private",           // ::ffff:10.0.0.1
            "00000000000000000000ffffa9fea9fe, cloud metadata",    // ::ffff:169.254.169.254
            "0000000000000000000000007f000001, loopback",          // ::127.0.0.1 (IPv4-compatible)
            "0064ff9b0000000000000000c0a80101, private",           // 64:ff9b::192.168.1.1 (NAT64)
            "20027f00000100000000000000000001, loopback",          // 2002:7f00:1::1 (6to4 of 127.0.0.1)
    })
    void shouldRefuseIpv4AddressesCarriedInsideIpv6(String hex, String kind) throws UnknownHostException {
        InetAddress v6 = Inet6Address.getByAddress(null, HexFormat.of().parseHex(hex), -1);
        assertEquals(Inet6Address.class, v6.getClass(), "built as IPv6, not converted by the JDK");
        assertEquals(Optional.of(kind), CallbackTargets.forbiddenKind(v6));
    }

    @ParameterizedTest
    @CsvSource({"93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"})
    void shouldAllowPublicAddresses(String address) throws UnknownHostException {
        assertEquals(Optional.empty(), CallbackTargets.forbiddenKind(InetAddress.getByName(address)));
    }

    @ParameterizedTest
    @CsvSource({"00000000000000000000ffff08080808"})
    void shouldAllowAPublicIpv4AddressMappedIntoIpv6(String hex) throws UnknownHostException {
        assertEquals(Optional.empty(), CallbackTargets.forbiddenKind(Inet6Address.getByAddress(null, HexFormat.of().parseHex(hex), -1)));
    }
}
