package network.mask.node.sphinx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NodeAddressTest {

    @Test
    void ipv4AndIpv6EncodeAsNymDoes() throws Exception {
        NodeAddress v4 = new NodeAddress(new InetSocketAddress(InetAddress.ofLiteral("10.0.0.1"), 1789));
        assertEquals("0406fd0a00000100000000000000000000000000000000000000000000000000", HexFormat.of().formatHex(v4.encode()));
        NodeAddress v6 = new NodeAddress(new InetSocketAddress(InetAddress.ofLiteral("2001:db8::3"), 1789));
        assertEquals("0606fd20010db800000000000000000000000300000000000000000000000000", HexFormat.of().formatHex(v6.encode()));
        assertEquals("[2001:db8::3]:1789", v6.toString());
        assertEquals("10.0.0.1:1789", v4.toString());
    }

    @Test
    void randomAddressesRoundTripAtAnyOffset() {
        Random random = new Random(3);
        for (int i = 0; i < 200; i++) {
            NodeAddress address = TestRoutes.randomAddress(random);
            byte[] field = new byte[40];
            address.encodeInto(field, 5);
            assertEquals(address, NodeAddress.decode(field, 5));
        }
    }

    @Test
    void mappedIpv6StaysIpv6SoItReencodesTheSame() {
        byte[] field = new byte[32];
        byte[] start = HexFormat.of().parseHex("06005000000000000000000000ffff0a000001"); // [::ffff:10.0.0.1]:80
        System.arraycopy(start, 0, field, 0, start.length);
        NodeAddress decoded = NodeAddress.decode(field, 0);
        assertInstanceOf(Inet6Address.class, decoded.socketAddress().getAddress());
        assertArrayEquals(field, decoded.encode());
    }

    @Test
    void trailingBytesAreIgnoredAndUnknownTypesGiveNull() {
        byte[] field = HexFormat.of().parseHex("0406fd0a000001ffffffffffffffffffffffffffffffffffffffffffffffffff");
        assertEquals("10.0.0.1:1789", NodeAddress.decode(field, 0).toString());
        for (int type : new int[] {0, 1, 5, 7, 0xff}) {
            field[0] = (byte) type;
            assertNull(NodeAddress.decode(field, 0));
        }
    }

    @Test
    void unresolvedAddressesCannotBeEncoded() {
        NodeAddress unresolved = new NodeAddress(InetSocketAddress.createUnresolved("mix.example", 1789));
        assertThrows(IllegalArgumentException.class, unresolved::encode);
    }

    @Test
    void ipv6ShortFormFollowsRfc5952() throws Exception {
        assertEquals("[::]:1", new NodeAddress(new InetSocketAddress(InetAddress.ofLiteral("::"), 1)).toString());
        assertEquals("[1::]:1", new NodeAddress(new InetSocketAddress(InetAddress.ofLiteral("1::"), 1)).toString());
        assertEquals("[1:0:0:2::3]:1", new NodeAddress(new InetSocketAddress(InetAddress.ofLiteral("1:0:0:2:0:0:0:3"), 1)).toString());
        assertEquals("[1:2:3:4:5:6:7:8]:1", new NodeAddress(new InetSocketAddress(InetAddress.ofLiteral("1:2:3:4:5:6:7:8"), 1)).toString());
        assertEquals("[1:0:2:3:4:5:6:7]:1", new NodeAddress(new InetSocketAddress(InetAddress.ofLiteral("1:0:2:3:4:5:6:7"), 1)).toString());
    }
}
