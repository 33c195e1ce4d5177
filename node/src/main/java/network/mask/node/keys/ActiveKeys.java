package network.mask.node.keys;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The node's keys as the packet path reads them: one immutable {@link NodeKeys} snapshot,
 * replaced whole when a key is pre-announced, swapped in or purged (nym-node keeps its
 * {@code ActiveSphinxKeys} in {@code ArcSwap}s for the same reason). A worker reads one snapshot
 * per packet, so it never sees a half-made rotation.
 */
public final class ActiveKeys implements Supplier<NodeKeys> {

    private final AtomicReference<NodeKeys> current;

    public ActiveKeys(NodeKeys initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial));
    }

    @Override
    public NodeKeys get() {
        return current.get();
    }

    /** Publishes a new snapshot; the identity never changes. */
    public void set(NodeKeys next) {
        if (!next.identity().publicKeyBase58().equals(current.get().identity().publicKeyBase58())) {
            throw new IllegalArgumentException("a key rotation cannot change the identity key");
        }
        current.set(next);
    }
}
