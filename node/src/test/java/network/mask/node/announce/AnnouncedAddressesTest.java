package network.mask.node.announce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import network.mask.node.testing.TestNodes;
import org.junit.jupiter.api.Test;

/**
 * What the node announces. DNS is a name table here (the machine has no internet); the last test
 * uses the JDK's real resolver on "localhost".
 */
class AnnouncedAddressesTest {

    static InetAddress ip(String literal) {
        return InetAddress.ofLiteral(literal);
    }

    final Map<String, List<InetAddress>> dns = new ConcurrentHashMap<>();
    final List<InetAddress> nics = new ArrayList<>(List.of(ip("127.0.0.1"), ip("192.168.1.20"), ip("fe80::1"),
            ip("fd00::20"), ip("2a01:4f8:1:2::20"), ip("10.0.0.5")));
    final AtomicReference<AnnouncedAddresses.Settings> settings =
            new AtomicReference<>(new AnnouncedAddresses.Settings("", true, false));

    AnnouncedAddresses addresses() {
        return new AnnouncedAddresses(settings::get, host -> {
            List<InetAddress> a = dns.get(host);
            if (a == null) throw new UnknownHostException(host);
            return a;
        }, () -> List.copyOf(nics));
    }

    @Test
    void publicInterfaceAddressesOnlyNeverPrivateOrLoopback() {
        assertEquals(List.of("2a01:4f8:1:2:0:0:0:20"), addresses().current());
    }

    @Test
    void aConfiguredIpComesFirstAndTheInterfacesFollow() {
        settings.set(new AnnouncedAddresses.Settings("203.0.114.7", true, false));
        assertEquals(List.of("203.0.114.7", "2a01:4f8:1:2:0:0:0:20"), addresses().current());
        settings.set(new AnnouncedAddresses.Settings("203.0.114.7", false, false));
        assertEquals(List.of("203.0.114.7"), addresses().current(), "interfaces turned off");
    }

    @Test
    void aDnsNameIsResolvedAndReResolvedAndAChangeIsReported() {
        dns.put("node.example.net", List.of(ip("198.51.101.1"), ip("2a01:4f8:9::1")));
        settings.set(new AnnouncedAddresses.Settings("node.example.net", false, false));
        AnnouncedAddresses a = addresses();
        List<List<String>> changes = new ArrayList<>();
        a.onChange(changes::add);
        assertEquals(List.of(), a.current(), "reading never waits for DNS");
        a.refresh();
        assertEquals(List.of("198.51.101.1", "2a01:4f8:9:0:0:0:0:1"), a.current());

        dns.put("node.example.net", List.of(ip("198.51.101.2")));   // the line's address changed
        a.refresh();
        assertEquals(List.of("198.51.101.2"), a.current());
        a.refresh();   // no change: no report
        assertEquals(List.of(List.of("198.51.101.1", "2a01:4f8:9:0:0:0:0:1"), List.of("198.51.101.2")), changes);

        dns.remove("node.example.net");   // DNS down: keep the last answer rather than announce nothing
        a.refresh();
        assertEquals(List.of("198.51.101.2"), a.current());
    }

    @Test
    void aNameThatResolvesToPrivateAddressesAnnouncesNothingOutsideDevMode() {
        dns.put("box.lan", List.of(ip("192.168.1.20")));
        settings.set(new AnnouncedAddresses.Settings("box.lan", false, false));
        AnnouncedAddresses a = addresses();
        a.refresh();
        assertEquals(List.of(), a.current());
    }

    @Test
    void devModeAnnouncesTheConfiguredHostWhateverItIsOrLoopback() {
        settings.set(new AnnouncedAddresses.Settings("", true, true));
        assertEquals(List.of("127.0.0.1"), addresses().current(), "no interfaces in dev: the node listens on loopback");
        settings.set(new AnnouncedAddresses.Settings("127.0.0.5", true, true));
        assertEquals(List.of("127.0.0.5"), addresses().current());
    }

    @Test
    void theJdksResolverOnLocalhostIsLoopbackSoOnlyDevModeAnnouncesIt() {
        AnnouncedAddresses prod = AnnouncedAddresses.ofThisMachine(() -> new AnnouncedAddresses.Settings("localhost", false, false));
        prod.refresh();
        assertEquals(List.of(), prod.current());
        AnnouncedAddresses dev = AnnouncedAddresses.ofThisMachine(() -> new AnnouncedAddresses.Settings("localhost", false, true));
        dev.refresh();
        assertFalse(dev.current().isEmpty());
        assertTrue(dev.current().stream().allMatch(s -> ip(s).isLoopbackAddress()), dev.current().toString());
    }

    @Test
    void startedItResolvesInTheBackgroundAndAtOnceWhenTheHostChanges() throws InterruptedException {
        dns.put("a.example.net", List.of(ip("198.51.101.1")));
        dns.put("b.example.net", List.of(ip("198.51.101.2")));
        settings.set(new AnnouncedAddresses.Settings("a.example.net", false, false));
        AnnouncedAddresses a = addresses();
        a.start();
        try {
            assertTrue(TestNodes.await(() -> a.current().equals(List.of("198.51.101.1")), Duration.ofSeconds(10)), a.current().toString());
            settings.set(new AnnouncedAddresses.Settings("b.example.net", false, false));
            a.current();   // sees the new name, wakes the refresher rather than waiting five minutes
            assertTrue(TestNodes.await(() -> a.current().equals(List.of("198.51.101.2")), Duration.ofSeconds(10)), a.current().toString());
        } finally {
            a.stop();
        }
    }

    @Test
    void scopes() {
        for (String p : List.of("8.8.8.8", "203.0.114.1", "2a01:4f8::1", "2001:470::1")) assertTrue(AddressScope.isPublic(ip(p)), p);
        for (String n : List.of("0.0.0.0", "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.0.1", "169.254.1.1", "100.64.0.1",
                "224.0.0.1", "192.0.2.1", "198.51.100.1", "203.0.113.1", "::", "::1", "fe80::1", "fd12::1", "2001:db8::1", "ff02::1")) {
            assertFalse(AddressScope.isPublic(ip(n)), n);
        }
    }
}
