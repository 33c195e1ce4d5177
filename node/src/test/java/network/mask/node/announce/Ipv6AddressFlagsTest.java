package network.mask.node.announce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Lines as Linux writes /proc/net/if_inet6. */
class Ipv6AddressFlagsTest {

    @Test
    void temporaryDeprecatedTentativeAndDuplicateAddressesAreNotAnnounced() {
        List<String> lines = List.of(
                "2a0104f8000100020000000000000020 02 40 00 80     eth0",   // permanent: announce
                "2a0104f80001000255aa66bb77cc88dd 02 40 00 01     eth0",   // temporary (privacy)
                "2a0104f80001000211112222333344ff 02 40 00 20     eth0",   // deprecated
                "2a0104f80001000211112222333344fe 02 40 00 40     eth0",   // tentative
                "2a0104f80001000211112222333344fd 02 40 00 08     eth0",   // duplicate address detected
                "fe800000000000000000000000000001 02 40 20 80     eth0",
                "garbage line");
        assertEquals(Set.of(InetAddress.ofLiteral("2a01:4f8:1:2:55aa:66bb:77cc:88dd"),
                        InetAddress.ofLiteral("2a01:4f8:1:2:1111:2222:3333:44ff"),
                        InetAddress.ofLiteral("2a01:4f8:1:2:1111:2222:3333:44fe"),
                        InetAddress.ofLiteral("2a01:4f8:1:2:1111:2222:3333:44fd")),
                Ipv6AddressFlags.notAnnounceable(lines));
    }
}
