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
}
