package network.mask.node.setuppage;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import network.mask.node.config.ConfigStore;
import network.mask.node.config.NodeConfig;
import network.mask.node.keys.Base58;
import network.mask.node.keys.NodeKeys;
import network.mask.node.telemetrylink.TelemetrySettings;
import network.mask.webui.spi.BondingKeys;

/** The keys and addresses the Nym wallet asks for when bonding, and the identity signature it needs. */
public final class NodeBondingKeys implements BondingKeys {

    private final Supplier<NodeKeys> liveKeys;
    private final ConfigStore config;
    private final Supplier<java.util.Optional<network.mask.node.nymapi.NetworkStatus>> networkStatus;
    private final Supplier<java.util.Optional<java.time.Instant>> lastReachedFromOutside;

    /** @param liveKeys the daemon's current keys: the Sphinx key changes with every network rotation */
    public NodeBondingKeys(Supplier<NodeKeys> liveKeys, ConfigStore config) {
        this(liveKeys, config, java.util.Optional::empty, java.util.Optional::empty);
    }

    /**
     * @param network                what nym-api says of this node, when the node asks nym-api
     * @param lastReachedFromOutside when something outside the home last reached the node (reachability evidence:
     *                               a valid mix frame or a describe request from a public address)
     */
    public NodeBondingKeys(Supplier<NodeKeys> liveKeys, ConfigStore config,
                           Supplier<java.util.Optional<network.mask.node.nymapi.NetworkStatus>> network,
                           Supplier<java.util.Optional<java.time.Instant>> lastReachedFromOutside) {
        this.lastReachedFromOutside = lastReachedFromOutside;
        this.liveKeys = liveKeys;
        this.config = config;
        this.networkStatus = network;
    }

    @Override
    public String identityKey() {
        return liveKeys.get().identity().publicKeyBase58();
    }

    /** The contract's node id, from nym-api's node list (listed = bonded and described). */
    @Override
    public java.util.Optional<Long> bondedNodeId() {
        return networkStatus.get().map(network.mask.node.nymapi.NetworkStatus::view)
                .filter(v -> v.listed() && v.nodeId().isPresent()).map(v -> v.nodeId().getAsLong());
    }

    /** Evidence only: reached from outside once means the router forwards; no evidence stays unknown, never "no". */
    @Override
    public java.util.Optional<Boolean> reachableFromOutside() {
        return lastReachedFromOutside.get().isPresent() ? java.util.Optional.of(true) : java.util.Optional.empty();
    }

    @Override
    public Keys keys() {
        NodeConfig c = config.current();
        NodeKeys keys = liveKeys.get();
        String identity = keys.identity().publicKeyBase58();
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("Identity key", identity));
        entries.add(new Entry("Sphinx key", keys.primary().publicKeyBase58()));
        // Host and HTTP port are not repeated here: the keys page shows them from the settings.
        entries.add(new Entry("Mix port", Integer.toString(c.mixnet().effectiveAnnouncePort())));
        if (!c.node().wallet().isEmpty()) entries.add(new Entry("Wallet address", c.node().wallet()));
        return new Keys(TelemetrySettings.nodeId(identity), entries);
    }

    /**
     * As {@code nym-node sign --contract-msg}: the wallet's message is base58 of a JSON payload;
     * the decoded bytes are signed with the ed25519 identity key and the signature is given in base58.
     */
    @Override
    public String signContractMessage(String message) {
        String trimmed = message == null ? "" : message.strip();
        if (trimmed.isEmpty()) throw new IllegalArgumentException("paste the message from the wallet");
        byte[] decoded;
        try {
            decoded = Base58.decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the message is not base58: it seems part of it was not copied");
        }
        try (JsonReader r = Json.createReader(new ByteArrayInputStream(decoded))) {
            r.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("the message does not decode to the wallet's payload: it seems part of it was not copied");
        }
        return Base58.encode(liveKeys.get().identity().sign(decoded));
    }
}
