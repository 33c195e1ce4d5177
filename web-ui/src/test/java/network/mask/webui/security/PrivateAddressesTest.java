package network.mask.webui.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The admin socket's notion of "home network", edge by edge. */
class PrivateAddressesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // IPv4 loopback 127/8, both ends
            "127.0.0.1, true", "127.255.255.254, true", "126.255.255.255, false", "128.0.0.1, false",
            // 10/8
            "10.0.0.0, true", "10.255.255.255, true", "9.255.255.255, false", "11.0.0.0, false",
            // 172.16/12 and its neighbours
            "172.16.0.0, true", "172.31.255.255, true", "172.15.255.255, false", "172.32.0.0, false",
            // 192.168/16
            "192.168.0.1, true", "192.168.255.255, true", "192.167.255.255, false", "192.169.0.0, false",
            // link-local 169.254/16
            "169.254.0.1, true", "169.254.255.255, true", "169.253.255.255, false", "169.255.0.0, false",
            // internet and special ranges that are not the home network
            "8.8.8.8, false", "1.1.1.1, false", "100.64.0.1, false", "100.127.255.255, false",
            "0.0.0.0, false", "255.255.255.255, false", "224.0.0.1, false", "192.0.2.1, false",
            // IPv6 loopback, ULA fc00::/7, link-local fe80::/10
            "::1, true", "fc00::1, true", "fd12:3456:789a::1, true", "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, true",
            "fe80::1, true", "febf:ffff::1, true",
            // just outside those ranges
            "fbff:ffff::1, false", "fec0::1, false", "fe7f::1, false", "::, false", "::2, false",
            // global IPv6, multicast, documentation, 6to4, NAT64 of a private v4
            "2001:4860:4860::8888, false", "2a00:1450::1, false", "ff02::1, false", "2001:db8::1, false",
            "2002:c0a8:0101::1, false", "64:ff9b::c0a8:101, false",
            // IPv4-compatible (deprecated) form of a private address is not the mapped form
            "::192.168.1.1, false"})
    void classifies(String literal, boolean expected) throws UnknownHostException {
        assertEquals(expected, PrivateAddresses.isPrivate(InetAddress.getByName(literal)));
    }

    @ParameterizedTest(name = "mapped {0} -> {1}")
    @CsvSource({"192.168.1.10, true", "10.1.2.3, true", "127.0.0.1, true", "8.8.8.8, false", "100.64.0.1, false"})
    void ipv4MappedIpv6FollowsTheEmbeddedAddress(String v4, boolean expected) throws UnknownHostException {
        byte[] b = new byte[16];
        b[10] = (byte) 0xff;
        b[11] = (byte) 0xff;
        System.arraycopy(InetAddress.getByName(v4).getAddress(), 0, b, 12, 4);
        // getByAddress turns a mapped address into Inet4Address; build an Inet6Address explicitly too.
        assertEquals(expected, PrivateAddresses.isPrivate(InetAddress.getByAddress(b)));
        assertEquals(expected, PrivateAddresses.isPrivate(java.net.Inet6Address.getByAddress(null, b, -1)));
    }

    @ParameterizedTest
    @CsvSource({"fe80::1%1, true", "fd00::5, true"})
    void scopedLinkLocalAddressesAreHome(String literal, boolean expected) throws UnknownHostException {
        byte[] b = InetAddress.getByName(literal.replaceAll("%.*", "")).getAddress();
        assertEquals(expected, PrivateAddresses.isPrivate(java.net.Inet6Address.getByAddress(null, b, 1)));
    }
}
