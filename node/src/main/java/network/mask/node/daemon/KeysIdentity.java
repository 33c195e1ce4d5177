package network.mask.node.daemon;

import java.util.Optional;
import network.mask.node.api.NodeIdentity;
import network.mask.node.api.SphinxKey;
import network.mask.node.keys.NodeKeys;

/**
 * The node's keys as the public API sees them: public keys in base58 and signing with the
 * identity key; the private keys stay in {@link NodeKeys}.
 */
public final class KeysIdentity implements NodeIdentity {

    private final NodeKeys keys;

    public KeysIdentity(NodeKeys keys) {
        this.keys = keys;
    }

    @Override
    public String ed25519IdentityKey() {
        return keys.identity().publicKeyBase58();
    }

    @Override
    public SphinxKey primarySphinxKey() {
        return new SphinxKey(keys.primary().rotationId(), keys.primary().publicKeyBase58());
    }

    /** None: this node's secondary key is the previous one (still accepted), never a pre-announced next one. */
    @Override
    public Optional<SphinxKey> preAnnouncedSphinxKey() {
        return Optional.empty();
    }

    @Override
    public byte[] sign(byte[] message) {
        return keys.identity().sign(message);
    }
}
