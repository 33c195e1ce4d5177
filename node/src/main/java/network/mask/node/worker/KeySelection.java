package network.mask.node.worker;

import java.util.List;
import network.mask.node.keys.NodeKeys;
import network.mask.node.keys.SphinxKey;
import network.mask.node.wire.KeyRotation;

/** Which Sphinx keys to try for a packet, in order (spec §9). */
final class KeySelection {

    private KeySelection() {}

    /**
     * v8 names the key by rotation parity: exactly the matching key, or none. v7 (rotation
     * unknown) tries the primary, then the secondary.
     */
    static List<SphinxKey> candidates(NodeKeys keys, KeyRotation rotation) {
        if (rotation == KeyRotation.UNKNOWN) return keys.sphinxKeys();
        if (keys.primary().rotation() == rotation) return List.of(keys.primary());
        if (keys.secondary() != null && keys.secondary().rotation() == rotation) return List.of(keys.secondary());
        return List.of();
    }
}
