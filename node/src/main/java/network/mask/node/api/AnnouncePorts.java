package network.mask.node.api;

import java.util.OptionalInt;

/**
 * The ports this node announces, as others must reach them (behind NAT: the router's ports).
 *
 * @param mixPort     Sphinx packets (nym-node's {@code mix_port})
 * @param verlocPort  latency measurement, if announced (nym-node's {@code verloc_port})
 * @param httpApiPort this public API
 */
public record AnnouncePorts(int mixPort, OptionalInt verlocPort, int httpApiPort) {

    public AnnouncePorts {
        check("mix", mixPort);
        verlocPort.ifPresent(p -> check("verloc", p));
        check("HTTP API", httpApiPort);
    }

    private static void check(String what, int port) {
        if (port < 1 || port > 65535) throw new IllegalArgumentException(what + " port must be 1-65535, got " + port);
    }
}
