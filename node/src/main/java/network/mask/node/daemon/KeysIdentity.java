package network.mask.node.daemon;

import java.util.Optional;
import java.util.function.Supplier;
import network.mask.node.api.NodeIdentity;
import network.mask.node.api.SphinxKey;
import network.mask.node.keys.NodeKeys;

/**
 * The node's keys as the public API sees them: public keys in base58 and signing with the
 * identity key; the private keys stay in {@link NodeKeys}. Reads the live keys at every call,
 * so the host information follows key rotation.
 */
public final class KeysIdentity implements NodeIdentity {

    private final Supplier<NodeKeys> keys;
    private final Optional<String> noiseKey;

    /** @param keys the live keys ({@code daemon::keys}): read at every request, so rotations show at once */
    public KeysIdentity(Supplier<NodeKeys> keys) {
        this(keys, Optional.empty());
    }

    /** @param noiseKey the node's Noise public key in base58 ({@code daemon.noiseKeyBase58()}), empty when Noise is off */
    public KeysIdentity(Supplier<NodeKeys> keys, Optional<String> noiseKey) {
        this.keys = keys;
        this.noiseKey = noiseKey;
    }

    @Override
    public Optional<String> noiseKeyBase58() {
        return noiseKey;
    }

    @Override
    public String ed25519IdentityKey() {
        return keys.get().identity().publicKeyBase58();
    }

    @Override
    public SphinxKey primarySphinxKey() {
        NodeKeys k = keys.get();
        return new SphinxKey(k.primary().rotationId(), k.primary().publicKeyBase58());
    }

    /**
     * The secondary key only when it is the next rotation's (primary + 1), as nym-node announces
     * it ({@code nym-node/src/node/http/router/api/v1/node/host_information.rs}); the overlap key
     * of the previous rotation is never announced.
     */
    @Override
    public Optional<SphinxKey> preAnnouncedSphinxKey() {
        NodeKeys k = keys.get();
        if (k.secondary() == null || k.secondary().rotationId() != k.primary().rotationId() + 1) return Optional.empty();
        return Optional.of(new SphinxKey(k.secondary().rotationId(), k.secondary().publicKeyBase58()));
    }

    @Override
    public byte[] sign(byte[] message) {
        return keys.get().identity().sign(message);
    }
}
