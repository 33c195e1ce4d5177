package network.mask.webui.spi;

import java.util.List;
import java.util.Objects;

/** The node's public identity, needed to bond it in the Nym wallet. */
public interface BondingKeys {

    /**
     * Public keys and id, in the order the wallet asks for them. The keys page shows the host and the
     * HTTP port itself (from {@link NodeSettings}), so the entries must not repeat them.
     */
    Keys keys();

    /**
     * Signs the wallet's bonding message with the node's identity key (what
     * {@code nym-node sign --contract-msg} does) and returns the signature as the wallet expects it.
     *
     * @throws IllegalArgumentException if the message is not one the node can sign
     */
    String signContractMessage(String message);

    /** The node's ed25519 identity key, whole, in base58: what the wallet's bonding message must name. */
    default String identityKey() {
        return keys().keys().stream().filter(e -> e.label().equals("Identity key")).map(Entry::value).findFirst().orElse("");
    }

    /**
     * The node id the mixnet contract gave this identity key, as nym-api reports it; empty while not
     * bonded or not known (no answer from nym-api yet).
     */
    default java.util.Optional<Long> bondedNodeId() {
        return java.util.Optional.empty();
    }

    /**
     * Evidence that the mix and API ports are reached from outside the home (not from the box itself):
     * empty while there is none either way.
     */
    default java.util.Optional<Boolean> reachableFromOutside() {
        return java.util.Optional.empty();
    }

    /** @param nodeId short id shown to the owner; {@code keys} labelled public keys (base58 etc.) */
    record Keys(String nodeId, List<Entry> keys) {
        public Keys {
            Objects.requireNonNull(nodeId, "nodeId");
            keys = List.copyOf(keys);
        }
    }

    /** @param label e.g. "Identity key"; {@code value} the text the owner pastes into the wallet */
    record Entry(String label, String value) {
    }
}
