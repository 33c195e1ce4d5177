package network.mask.node.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import network.mask.node.outgoing.NextHopPolicy;
import network.mask.node.sphinx.NodeAddress;
import org.junit.jupiter.api.Test;

/**
 * Property test for redteam D3: every address in every forbidden range, in every encoding a
 * packet's 32-byte next-hop field can carry (plain, IPv4-mapped, IPv4-compatible, NAT64), is
 * refused by the next-hop policy; public addresses in the same encodings are not.
 */
class AddressClassTest {

    record Range(String base, int prefix, AddressClass expected) {}

    static final List<Range> FORBIDDEN_V4 = List.of(
            new Range("0.0.0.0", 8, AddressClass.UNSPECIFIED),
            new Range("10.0.0.0", 8, AddressClass.PRIVATE),
            new Range("100.64.0.0", 10, AddressClass.SHARED),
            new Range("127.0.0.0", 8, AddressClass.LOOPBACK),
            new Range("169.254.0.0", 16, AddressClass.LINK_LOCAL),
            new Range("172.16.0.0", 12, AddressClass.PRIVATE),
            new Range("192.0.0.0", 24, AddressClass.RESERVED),
            new Range("192.0.2.0", 24, AddressClass.DOCUMENTATION),
            new Range("192.88.99.0", 24, AddressClass.RESERVED),
            new Range("192.168.0.0", 16, AddressClass.PRIVATE),
            new Range("198.18.0.0", 15, AddressClass.RESERVED),
            new Range("198.51.100.0", 24, AddressClass.DOCUMENTATION),
            new Range("203.0.113.0", 24, AddressClass.DOCUMENTATION),
            new Range("224.0.0.0", 4, AddressClass.MULTICAST),
            new Range("240.0.0.0", 4, AddressClass.RESERVED));

    static final List<Range> FORBIDDEN_V6 = List.of(
            new Range("::1", 128, AddressClass.LOOPBACK),
            new Range("::", 128, AddressClass.UNSPECIFIED),
            new Range("fc00::", 7, AddressClass.PRIVATE),
            new Range("fec0::", 10, AddressClass.PRIVATE),
            new Range("fe80::", 10, AddressClass.LINK_LOCAL),
            new Range("ff00::", 8, AddressClass.MULTICAST),
            new Range("2001:db8::", 32, AddressClass.DOCUMENTATION),
            new Range("3fff::", 20, AddressClass.DOCUMENTATION),
            new Range("64:ff9b:1::", 48, AddressClass.RESERVED),
            new Range("100::", 64, AddressClass.RESERVED),
            new Range("2001::", 23, AddressClass.RESERVED),
            new Range("2002::", 16, AddressClass.RESERVED),
            new Range("4000::", 2, AddressClass.RESERVED));

    static final NextHopPolicy STRICT = new NextHopPolicy(false);
    static final int SAMPLES = 400;

    @Test
    void everyEncodingOfEveryForbiddenIpv4RangeIsRefused() throws Exception {
        SplittableRandom random = new SplittableRandom(17);
        int checked = 0;
        for (Range r : FORBIDDEN_V4) {
            for (byte[] v4 : samples(r, 4, random)) {
                for (InetAddress encoded : encodingsOf(v4)) {
                    assertEquals(r.expected(), AddressClass.of(encoded), encoded + " in " + r);
                    assertFalse(STRICT.allows(throughPacketField(encoded)), encoded + " must not be a next hop");
                    checked++;
                }
            }
        }
        assertTrue(checked >= FORBIDDEN_V4.size() * SAMPLES * 4);
    }

    @Test
    void everyForbiddenIpv6RangeIsRefused() throws Exception {
        SplittableRandom random = new SplittableRandom(64);
        for (Range r : FORBIDDEN_V6) {
            for (byte[] v6 : samples(r, 16, random)) {
                InetAddress ip = Inet6Address.getByAddress(null, v6, -1);
                assertEquals(r.expected(), AddressClass.of(ip), ip + " in " + r);
                assertFalse(STRICT.allows(throughPacketField(ip)), ip + " must not be a next hop");
            }
        }
    }

    @Test
    void publicAddressesStayAllowedInEveryEncoding() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        int allowed = 0;
        while (allowed < 2000) {
            byte[] v4 = new byte[4];
            random.nextBytes(v4);
            if (FORBIDDEN_V4.stream().anyMatch(r -> inRange(v4, r))) continue;
            for (InetAddress encoded : encodingsOf(v4)) {
                assertEquals(AddressClass.PUBLIC, AddressClass.of(encoded), encoded.toString());
                assertTrue(STRICT.allows(throughPacketField(encoded)), encoded + " is public");
            }
            allowed++;
        }
        InetAddress v6 = InetAddress.getByName("2a01:4f8:1c1c:1::1");
        assertTrue(STRICT.allows(throughPacketField(v6)));
    }

    @Test
    void theRedTeamsAddressesAreRefused() throws Exception {
        for (String s : List.of("::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:192.168.1.1", "::ffff:172.16.0.1",
                "::ffff:169.254.169.254", "::ffff:0.0.0.0", "100.64.0.1", "0.0.0.1", "64:ff9b::7f00:1", "::127.0.0.1")) {
            InetAddress ip = ipv6Kept(s);
            assertFalse(STRICT.allows(throughPacketField(ip)), s);
        }
    }

    @Test
    void privateHopsAreAllowedOnlyWhenConfiguredButThisHostAndMulticastNever() throws Exception {
        NextHopPolicy local = new NextHopPolicy(true);
        assertTrue(local.allows(new InetSocketAddress(ipv6Kept("::ffff:127.0.0.1"), 1789)));
        assertTrue(local.allows(new InetSocketAddress(InetAddress.getByName("192.168.1.5"), 1789)));
        assertFalse(local.allows(new InetSocketAddress(ipv6Kept("::ffff:0.0.0.0"), 1789)));
        assertFalse(local.allows(new InetSocketAddress(ipv6Kept("::ffff:239.1.1.1"), 1789)));
        assertFalse(local.allows(new InetSocketAddress(InetAddress.getByName("8.8.8.8"), 0)));
    }

    @Test
    void canonicalFormIsTheIpv4AddressReached() throws Exception {
        InetAddress v4 = InetAddress.getByName("192.168.1.1");
        assertEquals(v4, AddressClass.canonical(ipv6Kept("::ffff:192.168.1.1")));
        assertEquals(v4, AddressClass.canonical(ipv6Kept("::192.168.1.1")));
        assertEquals(v4, AddressClass.canonical(ipv6Kept("64:ff9b::c0a8:101")));
        assertNotEquals(v4, AddressClass.canonical(ipv6Kept("2001:db8::c0a8:101")));
    }

    /** Plain IPv4, IPv4-mapped, IPv4-compatible and NAT64 well-known-prefix IPv6, each kept as the type a packet carries. */
    static List<InetAddress> encodingsOf(byte[] v4) throws UnknownHostException {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        System.arraycopy(v4, 0, mapped, 12, 4);
        byte[] compatible = new byte[16];
        System.arraycopy(v4, 0, compatible, 12, 4);
        byte[] nat64 = new byte[16];
        nat64[1] = 0x64;
        nat64[2] = (byte) 0xFF;
        nat64[3] = (byte) 0x9B;
        System.arraycopy(v4, 0, nat64, 12, 4);
        List<InetAddress> out = new ArrayList<>();
        out.add(InetAddress.getByAddress(v4));
        out.add(Inet6Address.getByAddress(null, mapped, -1));
        out.add(Inet6Address.getByAddress(null, nat64, -1));
        boolean compatibleIsSpecial = v4[0] == 0 && v4[1] == 0 && v4[2] == 0 && (v4[3] == 0 || v4[3] == 1);
        // ::0.0.0.0 and ::0.0.0.1 are the IPv6 unspecified and loopback addresses, covered as IPv6
        out.add(Inet6Address.getByAddress(null, compatibleIsSpecial ? mapped : compatible, -1));
        return out;
    }

    /** Encodes into a packet's 32-byte next-hop field and decodes it back, as the node sees it. */
    static InetSocketAddress throughPacketField(InetAddress ip) {
        byte[] field = new NodeAddress(new InetSocketAddress(ip, 1789)).encode();
        return NodeAddress.decode(field, 0).socketAddress();
    }

    static InetAddress ipv6Kept(String literal) throws UnknownHostException {
        InetAddress parsed = InetAddress.getByName(literal);
        if (!literal.contains(":")) return parsed;
        // InetAddress.getByName turns ::ffff:a.b.c.d into an Inet4Address; a packet's field keeps it IPv6
        byte[] bytes = new byte[16];
        byte[] raw = parsed.getAddress();
        if (raw.length == 4) {
            bytes[10] = (byte) 0xFF;
            bytes[11] = (byte) 0xFF;
            System.arraycopy(raw, 0, bytes, 12, 4);
        } else {
            bytes = raw;
        }
        return Inet6Address.getByAddress(null, bytes, -1);
    }

    /** The range's first and last address and random ones between. */
    static List<byte[]> samples(Range r, int length, SplittableRandom random) throws UnknownHostException {
        byte[] base = InetAddress.getByName(r.base()).getAddress();
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            byte[] a = base.clone();
            for (int bit = r.prefix(); bit < length * 8; bit++) {
                boolean one = i == 0 ? false : i == 1 || random.nextBoolean();
                if (one) a[bit / 8] |= (byte) (0x80 >>> (bit % 8));
                else a[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
            }
            out.add(a);
        }
        return out;
    }

    static boolean inRange(byte[] v4, Range r) {
        try {
            byte[] base = InetAddress.getByName(r.base()).getAddress();
            for (int bit = 0; bit < r.prefix(); bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((v4[bit / 8] & mask) != (base[bit / 8] & mask)) return false;
            }
            return true;
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
