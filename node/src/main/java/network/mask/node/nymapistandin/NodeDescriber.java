package network.mask.node.nymapistandin;

import java.net.URI;

/**
 * Describes a node from its public HTTP API exactly as nym-api does: every route nym-api queries,
 * parsed strictly into nym-node-requests' shapes, the host-information signature verified.
 */
public interface NodeDescriber {

    /**
     * @param apiBase the node's API base, e.g. {@code http://127.0.0.1:8080}
     * @throws DescribeException naming the route and the field when the node cannot be described
     */
    DescribedNode describe(URI apiBase) throws DescribeException;

    /** Why a node could not be described: which route, and what was wrong with it. */
    final class DescribeException extends Exception {
        public DescribeException(String message) {
            super(message);
        }

        public DescribeException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
