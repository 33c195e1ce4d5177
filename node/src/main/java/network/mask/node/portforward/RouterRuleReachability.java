package network.mask.node.portforward;

import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import network.mask.webui.spi.ReachabilityChecker;

/**
 * The setup page's reachability check, plus the router rule it prints next to it: this box's LAN
 * address and the ports the node is bound to at this moment (a port saved but not yet in use
 * after a restart is not what the router must forward today).
 */
public final class RouterRuleReachability implements ReachabilityChecker {

    private final ReachabilityChecker check;
    private final Supplier<Optional<String>> lanAddress;
    private final IntSupplier mixPort;
    private final IntSupplier apiPort;

    public RouterRuleReachability(ReachabilityChecker check, Supplier<Optional<String>> lanAddress, IntSupplier mixPort,
                                  IntSupplier apiPort) {
        this.check = check;
        this.lanAddress = lanAddress;
        this.mixPort = mixPort;
        this.apiPort = apiPort;
    }

    @Override
    public Verdict check(String host, int port) {
        return check.check(host, port);
    }

    @Override
    public Optional<RouterRule> routerRule() {
        int mix = mixPort.getAsInt();
        int api = apiPort.getAsInt();
        if (mix <= 0 || api <= 0) return Optional.empty();   // not listening (stopping, restarting)
        return lanAddress.get().map(lan -> new RouterRule(lan, mix, api));
    }
}
