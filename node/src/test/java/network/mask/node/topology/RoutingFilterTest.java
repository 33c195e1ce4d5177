package network.mask.node.topology;

import static org.junit.jupiter.api.Assertions.*;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** nym-node's routing filter rules: known nodes pass, unknown ones wait for one lookup, denied ones never pass. */
class RoutingFilterTest {

    static InetAddress ip(String literal) {
        return InetAddress.ofLiteral(literal);
    }

    @Test
    void onlyAddressesOfKnownNodesPass() {
        KnownNodes known = new KnownNodes();
        RoutingFilter filter = new RoutingFilter(known, false);
        known.replaceTopology(List.of(ip("203.0.113.10"), ip("2001:db8::10")));
        assertEquals(RoutingFilter.Verdict.ALLOW, filter.check(ip("203.0.113.10")));
        assertEquals(RoutingFilter.Verdict.ALLOW, filter.check(ip("2001:db8::10")));
        assertEquals(RoutingFilter.Verdict.UNKNOWN, filter.check(ip("198.51.100.7")));
        assertEquals(RoutingFilter.Verdict.UNKNOWN, filter.check(ip("198.51.100.7")));
        assertEquals(List.of(ip("198.51.100.7")), known.takePending(10), "queued for one lookup, however many packets");
        assertEquals(List.of(), known.takePending(10));
    }

    @Test
    void aLookupAnswerAllowsOrDeniesUntilTheNextTopology() {
        KnownNodes known = new KnownNodes();
        RoutingFilter filter = new RoutingFilter(known, false);
        filter.check(ip("198.51.100.7"));
        filter.check(ip("198.51.100.8"));
        known.resolved(Map.of(ip("198.51.100.7"), true, ip("198.51.100.8"), false));
        assertEquals(RoutingFilter.Verdict.ALLOW, filter.check(ip("198.51.100.7")));
        assertEquals(RoutingFilter.Verdict.DENY, filter.check(ip("198.51.100.8")));
        assertEquals(0, known.pendingCount(), "a denied address is not looked up again");
        known.replaceTopology(List.of(ip("198.51.100.8")));   // it became a node
        assertEquals(RoutingFilter.Verdict.ALLOW, filter.check(ip("198.51.100.8")));
        assertEquals(RoutingFilter.Verdict.UNKNOWN, filter.check(ip("198.51.100.7")), "a full refresh replaces lookup results");
    }

    @Test
    void loopbackAndPrivateNeedTheLocalSwitch() {
        RoutingFilter strict = new RoutingFilter(new KnownNodes(), false);
        RoutingFilter local = new RoutingFilter(new KnownNodes(), true);
        for (String s : List.of("127.0.0.1", "10.1.2.3", "192.168.1.5", "100.64.0.1", "fd00::1", "::1")) {
            assertEquals(RoutingFilter.Verdict.UNKNOWN, strict.check(ip(s)), s);
            assertEquals(RoutingFilter.Verdict.ALLOW, local.check(ip(s)), s);
        }
        assertEquals(RoutingFilter.Verdict.UNKNOWN, local.check(ip("93.184.216.34")), "public addresses still need the topology");
    }

    @Test
    void theLookupQueueIsBounded() {
        KnownNodes known = new KnownNodes();
        RoutingFilter filter = new RoutingFilter(known, false);
        for (int i = 0; i < KnownNodes.MAX_PENDING + 500; i++) {
            filter.check(ip("198.51." + (i >> 8) + "." + (i & 0xFF)));
        }
        assertEquals(KnownNodes.MAX_PENDING, known.pendingCount());
    }
}
