package network.mask.node.apilink;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import network.mask.node.announce.AnnouncedAddresses;
import network.mask.node.api.AnnouncePorts;
import network.mask.node.api.NodeDescription;
import network.mask.node.api.NodeProfile;
import network.mask.node.config.ConfigStore;
import network.mask.node.config.NodeConfig;

/**
 * The public API's view of what the owner set. Words (name, description, location, terms) are read
 * from the config store on every request, so edits show at once. Where the node is reached (host and
 * ports) is what it listens on now: the configuration it started with, until it restarts, so the
 * network is never told a port nobody listens on (walkthrough finding 3).
 */
public final class ConfigProfile implements NodeProfile {

    private final ConfigStore store;
    private final NodeConfig running;
    private final AnnouncedAddresses addresses;

    /** Announcing this machine's addresses, resolved on demand only (no refresh loop: tests, tools). */
    public ConfigProfile(ConfigStore store) {
        this(store, AnnouncedAddresses.ofThisMachine(announceSettingsOf(store.current())));
    }

    /** {@code store} as the node started with it: its current configuration is the running one. */
    public ConfigProfile(ConfigStore store, AnnouncedAddresses addresses) {
        this.store = store;
        this.running = store.current();
        this.addresses = addresses;
    }

    private static java.util.function.Supplier<AnnouncedAddresses.Settings> announceSettingsOf(NodeConfig running) {
        return () -> announceSettings(running);
    }

    /**
     * What {@link AnnouncedAddresses} reads from the config. A node told to forward to private next
     * hops ({@code mixnet.allow_private_next_hops}: dev mode, the local mixnet, a test network) is on a
     * local network, so it may announce the private or loopback host it was given, as in dev mode.
     */
    public static AnnouncedAddresses.Settings announceSettings(NodeConfig c) {
        return new AnnouncedAddresses.Settings(c.mixnet().announceHost(), c.mixnet().announceInterfaceAddresses(),
                c.dev() || c.mixnet().allowPrivateNextHops());
    }

    @Override
    public NodeDescription description() {
        NodeConfig.Node n = store.current().node();
        return new NodeDescription(n.name(), n.website(), n.securityContact(), n.description());
    }

    @Override
    public List<String> announcedIpAddresses() {
        return addresses.current();
    }

    @Override
    public Optional<String> hostname() {
        String host = running.mixnet().announceHost();
        return host.isEmpty() || isIpLiteral(host) ? Optional.empty() : Optional.of(host);
    }

    @Override
    public Optional<String> location() {
        String country = store.current().node().location();
        return country.isEmpty() ? Optional.empty() : Optional.of(country);
    }

    @Override
    public AnnouncePorts announcePorts() {
        NodeConfig c = running;
        // No VerLoc listener yet: announcing mixnet.verloc_port would send measurers to a closed port.
        return new AnnouncePorts(c.mixnet().effectiveAnnouncePort(), OptionalInt.empty(), c.api().port());
    }

    @Override
    public boolean acceptedOperatorTermsAndConditions() {
        return store.current().node().acceptedOperatorTermsAndConditions();
    }

    @Override
    public boolean exposeSystemInfo() {
        return store.current().api().exposeSystemInfo();
    }

    @Override
    public int expectedPacketRate() {
        return store.current().replay().expectedRate();
    }

    static boolean isIpLiteral(String host) {
        return AnnouncedAddresses.isIpLiteral(host);
    }
}
