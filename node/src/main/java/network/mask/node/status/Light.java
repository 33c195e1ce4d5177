package network.mask.node.status;

/** The colour the owner sees for the node's state. Green means working on the network, nothing else. */
public enum Light {
    /** Working on the network: described, bonded, in the active set and reached from outside. */
    GREEN,
    /** Running, but not (yet) doing its job on the network, or unwell. */
    AMBER,
    /** Waiting for its owner to finish the setup. */
    BLUE
}
