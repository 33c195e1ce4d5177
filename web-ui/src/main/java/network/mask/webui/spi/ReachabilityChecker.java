package network.mask.webui.spi;

/** Connects from the box to its own announced address, as a peer on the internet would. */
@FunctionalInterface
public interface ReachabilityChecker {

    /** Tries a TCP connection to host:port (bounded by a few seconds) and reports what happened. */
    Verdict check(String host, int port);

    /** @param reachable whether the connection succeeded; {@code detail} is a short plain-words reason */
    record Verdict(boolean reachable, String detail) {
    }

    /**
     * What the owner must set on the router: this box's address on the home network and the ports
     * the node listens on now (not the ones saved for the next start). Empty when unknown.
     */
    default java.util.Optional<RouterRule> routerRule() {
        return java.util.Optional.empty();
    }

    /** "Forward TCP {@code mixPort} and {@code apiPort} to {@code lanAddress}". */
    record RouterRule(String lanAddress, int mixPort, int apiPort) {
        public String sentence() {
            return "forward TCP " + mixPort + " and " + apiPort + " to " + lanAddress;
        }
    }
}
