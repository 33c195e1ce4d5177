package network.mask.node.rotation;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.OptionalLong;
import network.mask.node.keys.ActiveKeys;
import network.mask.node.keys.KeyStore;
import network.mask.node.keys.NodeKeys;
import network.mask.node.keys.SphinxKey;
import network.mask.node.replay.ReplayFilters;
import network.mask.node.replay.ReplaySizingPolicy;

/**
 * The node's Sphinx keys as rotation changes them, kept consistent in three places: the key
 * files ({@link KeyStore}), the snapshot the workers read ({@link ActiveKeys}) and one replay
 * filter per key ({@link ReplayFilters}). nym-node's {@code SphinxKeyManager}
 * ({@code nym-node/src/node/key_rotation/manager.rs}) with its replay-filter manager.
 * A filter always exists before its key is published, so a worker never finds a key without one.
 */
public final class KeyRing {

    private static final System.Logger LOG = System.getLogger(KeyRing.class.getName());

    private final KeyStore store;
    private final ActiveKeys active;
    private final ReplayFilters replay;
    private final ReplaySizingPolicy sizing;
    private final SecureRandom random;

    public KeyRing(KeyStore store, ActiveKeys active, ReplayFilters replay, ReplaySizingPolicy sizing, SecureRandom random) {
        this.store = store;
        this.active = active;
        this.replay = replay;
        this.sizing = sizing;
        this.random = random;
    }

    public NodeKeys keys() {
        return active.get();
    }

    long primaryId() {
        return active.get().primary().rotationId();
    }

    OptionalLong secondaryId() {
        SphinxKey s = active.get().secondary();
        return s == null ? OptionalLong.empty() : OptionalLong.of(s.rotationId());
    }

    /**
     * Crash recovery when the node starts with the network's rotation known
     * ({@code manager.rs}, {@code try_load_or_regenerate}): a secondary newer than the primary
     * while the network has moved past the primary means a swap was missed, so it is done now;
     * a primary that is still not the current rotation's gets a current key as its secondary at
     * once (the controller swaps it in at its first pass).
     */
    public void recoverAtLoad(long currentRotationId, Duration rotationLifetime) throws IOException {
        NodeKeys k = active.get();
        SphinxKey s = k.secondary();
        if (s != null && s.rotationId() > k.primary().rotationId() && currentRotationId > k.primary().rotationId()) {
            LOG.log(System.Logger.Level.WARNING, "the swap to Sphinx key {0} was missed (node off or crashed); swapping now",
                    s.rotationId());
            swap(s.rotationId(), rotationLifetime);
            k = active.get();
        }
        if (k.primary().rotationId() != currentRotationId
                && (k.secondary() == null || k.secondary().rotationId() != currentRotationId)) {
            LOG.log(System.Logger.Level.WARNING, "the Sphinx key is for rotation {0} but the network is in rotation {1}"
                    + " (the node was off for a while); making a key for rotation {1} now", k.primary().rotationId(), currentRotationId);
            preAnnounce(currentRotationId, rotationLifetime);
        }
    }

    /** Makes the key for {@code rotationId} (and its filter) and keeps it as the secondary. */
    public void preAnnounce(long rotationId, Duration rotationLifetime) throws IOException {
        NodeKeys k = active.get();
        double rate = replay.measuredRate(k.primary().rotationId());
        replay.open(rotationId, sizing.forNextKey(rate, rotationLifetime));
        SphinxKey next = SphinxKey.generate(rotationId, random);
        store.writeSecondary(next);
        active.set(new NodeKeys(k.identity(), k.primary(), next));
        if (k.secondary() != null && k.secondary().rotationId() != rotationId) replay.purge(k.secondary().rotationId());
        LOG.log(System.Logger.Level.INFO, "Sphinx key for rotation {0} made and pre-announced: {1}", rotationId, next.publicKeyBase58());
    }

    /**
     * The secondary (for {@code rotationId}) becomes primary and the old primary stays for the
     * overlap epoch. Without such a secondary (it was lost), one is made first, as nym-node does.
     * The snapshot changes first: the network already uses the new key.
     */
    public void swap(long rotationId, Duration rotationLifetime) throws IOException {
        NodeKeys k = active.get();
        if (k.secondary() == null || k.secondary().rotationId() != rotationId) {
            LOG.log(System.Logger.Level.WARNING, "no pre-announced key for rotation {0} at the swap; making one now", rotationId);
            preAnnounce(rotationId, rotationLifetime);
            k = active.get();
        }
        SphinxKey newPrimary = k.secondary();
        SphinxKey old = k.primary();
        active.set(new NodeKeys(k.identity(), newPrimary, old));
        replay.restartRateMeasurement(rotationId);
        store.swap(newPrimary, old);
        LOG.log(System.Logger.Level.INFO, "Sphinx key for rotation {0} is now primary; rotation {1} stays accepted for one epoch",
                rotationId, old.rotationId());
    }

    /** Forgets the secondary key and its replay filter (the end of the overlap epoch). */
    public void purgeSecondary() throws IOException {
        NodeKeys k = active.get();
        if (k.secondary() == null) return;
        long id = k.secondary().rotationId();
        active.set(new NodeKeys(k.identity(), k.primary(), null));
        store.deleteSecondary();
        replay.purge(id);
        LOG.log(System.Logger.Level.INFO, "Sphinx key for rotation {0} purged with its replay filter", id);
    }
}
