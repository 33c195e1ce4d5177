package network.mask.node.api;

import java.util.List;
import java.util.Optional;

/**
 * What the owner says about the node on the setup page; read on every request, so a change
 * shows at once. Implemented by the config adapter.
 */
public interface NodeProfile {

    NodeDescription description();

    /** Public IP literals (v4 or v6, no host names, no scope ids) peers reach this node at. */
    List<String> announcedIpAddresses();

    /** Public host name, if the node has one. */
    Optional<String> hostname();

    /** ISO 3166 alpha-2 code of the country the box physically stands in, if the owner said. */
    Optional<String> location();

    AnnouncePorts announcePorts();

    /** Whether the operator accepted Nym's node operator terms and conditions (v1.0.0). */
    boolean acceptedOperatorTermsAndConditions();

    /** Whether {@code /api/v1/system-info} may show OS and hardware facts (nym-node's {@code expose_system_info}). */
    boolean exposeSystemInfo();

    /** Packets per second the node is sized for; {@code /api/v1/load} measures the network against it. */
    int expectedPacketRate();
}
