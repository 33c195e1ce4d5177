package network.mask.webui.web;

import static network.mask.webui.web.Html.esc;

import java.util.Optional;

import network.mask.webui.spi.ReachabilityChecker.RouterRule;

/**
 * The router rule in the words a router's page uses: "Forward TCP 1789 and 8080 to 192.168.1.23",
 * with the box's own address on the home network and the ports the node listens on now, so the
 * owner can copy it into the router's port-forwarding page as it stands.
 */
final class PortForwardingHelp {

    private PortForwardingHelp() {}

    static String html(Optional<RouterRule> rule) {
        if (rule.isEmpty()) {
            return "<p class=\"hint\">On your router, forward the mix port and the API port (TCP) to this box.</p>";
        }
        RouterRule r = rule.get();
        return "<div class=\"card\" id=\"router-rule\"><p><strong>On your router: forward TCP " + r.mixPort() + " and " + r.apiPort()
                + " to " + esc(r.lanAddress()) + "</strong> (this box).</p>"
                + "<p class=\"hint\">In the router's settings this is called port forwarding, virtual server or NAT. Make one "
                + "rule per port: external port " + r.mixPort() + " to " + esc(r.lanAddress()) + " port " + r.mixPort() + ", and "
                + "external port " + r.apiPort() + " to " + esc(r.lanAddress()) + " port " + r.apiPort() + ", protocol TCP. "
                + "These are the ports the node uses now; after you change them here, restart the node and forward the new ones. "
                + "Give the box a fixed address on the router (DHCP reservation), so the rule keeps pointing at it.</p></div>";
    }
}
