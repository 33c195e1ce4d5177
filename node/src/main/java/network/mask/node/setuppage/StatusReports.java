package network.mask.node.setuppage;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import network.mask.node.config.NodeConfig;
import network.mask.node.networkview.NetworkViewReport;
import network.mask.node.reachability.ReachabilityLog;
import network.mask.node.reachability.Witness;
import network.mask.node.status.Ago;
import network.mask.node.status.Finding;
import network.mask.node.status.LiveStatus;
import network.mask.node.status.NodeStatus;
import network.mask.node.status.StatusModel;
import network.mask.webui.spi.StatusReport;

/** The status model, the network's view and the reachability evidence in the dashboard's SPI shape. */
public final class StatusReports {

    private StatusReports() {}

    public static StatusReport of(LiveStatus live) {
        NodeStatus status = live.status();
        NodeConfig config = live.config();
        List<StatusReport.Item> items = status.findings().stream().map(StatusReports::item).toList();
        java.time.Instant now = live.clock().instant();
        Optional<ReachabilityLog.Seen> seen = live.reachability().lastReached();
        boolean recent = seen.isPresent() && !seen.get().at().isBefore(now.minus(StatusModel.REACH_WINDOW));
        String reached = recent
                ? "Reached from the internet " + Ago.of(seen.get().at(), now) + " (by " + seen.get().by().words() + ")."
                : seen.map(s -> "Not reached from the internet since " + Ago.of(s.at(), now) + " (by " + s.by().words() + ").")
                        .orElse("Not reached from the internet yet: nothing outside your home network has connected to the node.");
        List<String> steps = recent ? List.of() : routerSteps(config);
        List<StatusReport.Fact> network = NetworkViewReport.of(live.networkView(), live.reachability().last(Witness.DIRECTORY),
                config.node().acceptedOperatorTermsAndConditions(), config.node().describeAsNymNode(), now)
                .stream().map(l -> new StatusReport.Fact(l.label(), l.value())).toList();
        return new StatusReport(status.light().name().toLowerCase(Locale.ROOT), items, reached, steps, network);
    }

    private static StatusReport.Item item(Finding f) {
        return new StatusReport.Item(f.condition().code(), f.condition().light().name().toLowerCase(Locale.ROOT), f.sentence(),
                f.condition().fixPath(), f.condition().fixLabel());
    }

    static List<String> routerSteps(NodeConfig c) {
        int mix = c.mixnet().effectiveAnnouncePort();
        int api = c.api().port();
        return List.of(
                "Open your router's settings page (often http://192.168.1.1 or http://192.168.0.1; the address is on the router's label).",
                "Find \"port forwarding\" (sometimes \"virtual server\" or \"NAT\").",
                "Forward TCP port " + mix + " (mixing) and TCP port " + api + " (the node's public API) to this box's home address.",
                "If your provider shares one public address between customers (carrier-grade NAT), forwarding cannot work: ask them for a public IPv4 address or use IPv6.",
                "Save, then wait: the network's directory reads the node again within the hour.");
    }
}
