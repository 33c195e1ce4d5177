package network.mask.node.portforward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import network.mask.node.setuppage.TcpReachability;
import network.mask.webui.spi.ReachabilityChecker;
import org.junit.jupiter.api.Test;

/** The router rule: the default route's interface, a bound host taken as it is, and the ports bound now. */
class RouterRuleTest {

    static final List<String> ROUTES = List.of(
            "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT",
            "eth0\t0001A8C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0",
            "eth0\t00000000\t0101A8C0\t0003\t0\t0\t0\t00000000\t0\t0\t0");

    @Test
    void theDefaultRoutesInterfaceIsFoundInTheKernelsTable() {
        assertEquals(Optional.of("eth0"), LanAddress.defaultRouteInterface(ROUTES));
        assertEquals(Optional.empty(), LanAddress.defaultRouteInterface(ROUTES.subList(0, 2)), "no default route");
    }

    @Test
    void aSpecificBindAddressIsTheOnlyPlaceToForwardTo() {
        assertEquals(Optional.of("127.0.0.1"), LanAddress.forBindHost("127.0.0.1"));
    }

    @Test
    void theRuleUsesThePortsBoundNowAndNoneWhileNotListening() throws Exception {
        AtomicInteger mix = new AtomicInteger(1790);
        try (ServerSocket api = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            RouterRuleReachability r = new RouterRuleReachability(new TcpReachability(java.time.Duration.ofSeconds(2)),
                    () -> Optional.of("192.168.1.23"), mix::get, api::getLocalPort);
            assertEquals(Optional.of(new ReachabilityChecker.RouterRule("192.168.1.23", 1790, api.getLocalPort())), r.routerRule());
            assertEquals("forward TCP 1790 and " + api.getLocalPort() + " to 192.168.1.23", r.routerRule().orElseThrow().sentence());
            ReachabilityChecker.Verdict v = r.check("127.0.0.1", api.getLocalPort());
            assertTrue(v.reachable() && v.detail().isEmpty(), "the page says host:port itself: " + v);
            mix.set(-1);
            assertEquals(Optional.empty(), r.routerRule(), "a node between stop and start has no rule to give");
        }
    }
}
