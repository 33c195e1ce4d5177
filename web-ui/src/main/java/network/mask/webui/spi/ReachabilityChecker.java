package network.mask.webui.spi;

/** Connects from the box to its own announced address, as a peer on the internet would. */
@FunctionalInterface
public interface ReachabilityChecker {

    /** Tries a TCP connection to host:port (bounded by a few seconds) and reports what happened. */
    Verdict check(String host, int port);

    /** @param reachable whether the connection succeeded; {@code detail} is a short plain-words reason */
    record Verdict(boolean reachable, String detail) {
    }
}
