package network.mask.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import network.mask.webui.spi.ReachabilityChecker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The internet step names the exact router rule: the box's LAN address and the ports the node listens on now. */
class PortForwardingHelpTest {

    private final AdminFixture admin = AdminFixture.start();

    @AfterEach
    void stop() {
        admin.close();
    }

    @Test
    void theInternetStepShowsTheRouterRuleAndTheFailedCheckRepeatsIt() {
        admin.node.routerRule.set(Optional.of(new ReachabilityChecker.RouterRule("192.168.1.23", 1790, 8081)));
        TestClient owner = admin.claimed();
        String page = owner.get("/setup/network").body();
        assertTrue(page.contains("On your router: forward TCP 1790 and 8081 to 192.168.1.23</strong> (this box)."), page);
        assertTrue(page.contains("external port 1790 to 192.168.1.23 port 1790"), page);

        TestClient.Response check = owner.post("/setup/network/check", Map.of("publicHost", "node.example.net", "mixPort", "1789",
                "apiPort", "8080"));
        assertEquals(303, check.status(), "post/redirect/get");
        String result = owner.get(check.location()).body();
        assertTrue(result.contains("On your router, forward TCP 1790 and 8081 to 192.168.1.23 (this box), then check again."), result);
    }

    @Test
    void withoutAKnownAddressItSaysWhatToForwardInGeneralWords() {
        TestClient owner = admin.claimed();
        String page = owner.get("/setup/network").body();
        assertFalse(page.contains("router-rule"), page);
        assertTrue(page.contains("forward the mix port and the API port (TCP) to this box"), page);
    }
}
