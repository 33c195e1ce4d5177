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

    /**
     * The secondary key when it is the next rotation's (pre-announced), as nym-node announces it
     * ({@code nym-node/src/node/http/router/api/v1/node/host_information.rs}); an older secondary (the
     * overlap key) is never announced.
     */
    @Override
    public Optional<SphinxKey> preAnnouncedSphinxKey() {
        return keys.secondaryKey().filter(k -> k.rotationId() == keys.primary().rotationId() + 1)
                .map(k -> new SphinxKey(k.rotationId(), k.publicKeyBase58()));
    }

    @Override
    public byte[] sign(byte[] message) {
        return keys.identity().sign(message);
    }
}
