package network.mask.node.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The node's keys: the ed25519 identity, the primary x25519 Sphinx key and, during a rotation
 * overlap, a secondary one. Immutable; a rotation makes a new instance.
 */
public record NodeKeys(IdentityKey identity, SphinxKey primary, SphinxKey secondary) {

    public NodeKeys {
        if (identity == null || primary == null) throw new IllegalArgumentException("identity and primary key are required");
        if (secondary != null && secondary.rotationId() == primary.rotationId()) {
            throw new IllegalArgumentException("secondary key has the primary's rotation id " + primary.rotationId());
        }
    }

    public Optional<SphinxKey> secondaryKey() {
        return Optional.ofNullable(secondary);
    }

    /** Primary first, then the secondary if any. */
    public List<SphinxKey> sphinxKeys() {
        List<SphinxKey> keys = new ArrayList<>(2);
        keys.add(primary);
        if (secondary != null) keys.add(secondary);
        return keys;
    }
}
