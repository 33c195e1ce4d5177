package network.mask.node.app;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import network.mask.board.Board;
import network.mask.node.announce.AnnouncedAddresses;
import network.mask.node.api.ApiSettings;
import network.mask.node.api.BuildInformation;
import network.mask.node.cli.Main;
import network.mask.node.config.ConfigSchema;
import network.mask.node.config.ConfigStore;
import network.mask.node.config.NodeConfig;
import network.mask.node.daemon.KeysIdentity;
import network.mask.node.daemon.NodeDaemon;
import network.mask.node.daemon.NodeService;
import network.mask.node.history.HistoryRecorder;
import network.mask.node.history.HistoryWiring;
import network.mask.node.metrics.Event;
import network.mask.node.publicview.PublicViewReader;
import network.mask.node.net.PerSourceHttpConnections;
import network.mask.node.net.SourceNetwork;
import network.mask.node.storage.LeftoverTemps;
import network.mask.node.telemetry.DeviceInfo;
import network.mask.webui.AdminBackend;
import network.mask.webui.AdminConfig;
import network.mask.webui.spi.ClaimAuthority;

/**
 * Builds one start's services around a {@link NodeDaemon} and adds them in start order: board
 * feed, MQTT telemetry, public API, setup page, then the readiness notice. They stop in reverse
 * (setup page, API, telemetry with its {@code offline} message, board feed); the board itself
 * belongs to the {@link Appliance} and goes dark last.
 */
public final class ApplianceServices {

    private static final Duration REACHABILITY_TIMEOUT = Duration.ofSeconds(3);
    /** Setup-page connections one source network (IPv4 /24, IPv6 /64) may hold, of the page's 64. */
    private static final int SETUP_PAGE_PER_NETWORK = 16;

    private ApplianceServices() {}

    /** What one start composed, for callers that drive it directly (tests). */
    public record Composed(TelemetryService telemetry, ApiService api, AdminService admin, ConfigSettingsStore settings,
                           ApplianceControl control, LiveDashboard dashboard) {}

    public static Composed addTo(NodeDaemon daemon, Appliance appliance) {
        NodeConfig config = daemon.config();
        ConfigStore store = daemon.configStore();
        DataFiles files = new DataFiles(config.node().dataDir());
        LeftoverTemps.removeAll(java.util.List.of(files.adminHash().getParent()));   // admin/: password hash and TLS key temps
        Board board = appliance.board();
        String version = Main.version();
        String identity = daemon.identity().publicKeyBase58();
        String nodeId = TelemetrySettings.nodeId(identity);
        String host = ReadyAnnouncer.displayHost(config.admin().bindHost());

        board.setBrightness(config.led().brightness() / 100.0);
        board.setLedsEnabled(config.led().enabled());
        FileCredentialStore credentials = new FileCredentialStore(files.adminHash());
        ApplianceControl control = new ApplianceControl(appliance, board, new FactoryReset(files, store.file()));
        appliance.onFactoryReset(control::factoryReset);

        TrafficRates rates = new TrafficRates();
        // Two boxes left at the default name would look alike in Home Assistant: add the node id's start.
        String deviceName = config.node().name().equals(ConfigSchema.NODE_NAME.defaultValue())
                ? config.node().name() + " " + nodeId.substring(0, Math.min(6, nodeId.length())) : config.node().name();
        DeviceInfo device = new DeviceInfo(deviceName, version, null, identity,
                (config.admin().tls() ? "https://" : "http://") + (host.contains(":") ? "[" + host + "]" : host) + ":" + config.admin().port() + "/", null);
        TelemetryService telemetry = new TelemetryService(config, device, nodeId, daemon.metrics(),
                new BoardHealthSource(board), control, () -> daemon.count(Event.MQTT_MESSAGE_TOO_LARGE));
        telemetry.reportNetwork(new TelemetryNetwork(daemon::networkStatus));
        control.beforeFactoryReset(telemetry::forgetDevice);
        AnnouncedAddresses addresses = AnnouncedAddresses.ofThisMachine(() -> ConfigProfile.announceSettings(store.current()));
        ApiService api = new ApiService(
                new ApiSettings(config.api().bindHost(), config.api().port(), config.api().metricsToken()),
                new KeysIdentity(daemon::keys), new ConfigProfile(store, addresses), BuildInformation.describing(version, config.node().describeAsNymNode()), daemon.metrics())
                .countRefusals(() -> daemon.count(Event.API_REJECTED_PER_NETWORK_LIMIT));

        // Without a button (always on a PC) the console's code is the only way to claim.
        boolean buttonWired = BoardOpener.hasButton(config);
        ClaimNotice notice = ClaimNotice.fromEnvironment(System.getenv());
        if (credentials.claimed()) notice.withdraw();   // e.g. claimed through a restored backup
        ClaimAuthority claim = new ConsoleClaim(buttonWired ? appliance.buttonPresses()::takeRecentPress : () -> false,
                appliance.console(), notice);
        ConfigSettingsStore settings = new ConfigSettingsStore(store, telemetry, board);
        LiveDashboard dashboard = new LiveDashboard(daemon.metrics(), rates, board, () -> store.current().led().enabled(),
                appliance.log(), version);
        HistoryRecorder history = HistoryWiring.recorder(daemon, board);
        AdminBackend backend = new AdminBackend(new ClaimNoticeWithdrawal(credentials, notice), claim, settings,
                new TcpReachability(REACHABILITY_TIMEOUT), new BrokerProbe(nodeId), new OwnerDashboard(dashboard, history,
                new PublicViewReader(config.api().bindHost(), api::port), telemetry), control, new BackupFileSet(files, store.file()), new NodeBondingKeys(daemon::keys, store),
                new FileTlsMaterialStore(files.tlsKey(), files.tlsCertificate()));
        AdminConfig adminConfig = AdminConfig.of(InetAddress.ofLiteral(config.admin().bindHost()), config.admin().port())
                .withDevMode(config.dev())
                .withTls(config.admin().tls())
                .withHostNames(host.endsWith(".local") && !host.equals("masknode.local")
                        ? List.of("masknode.local", host) : List.of("masknode.local"))
                .withConnectionSelectors(List.of(new PerSourceHttpConnections(SourceNetwork.DEFAULT, SETUP_PAGE_PER_NETWORK,
                        () -> daemon.count(Event.SETUP_PAGE_REJECTED_PER_NETWORK_LIMIT))));
        AdminService admin = new AdminService(adminConfig, backend);

        daemon.addService(history);
        daemon.addService(new BoardFeed(board, daemon.metrics(), rates, credentials::claimed, telemetry, buttonWired));
        daemon.addService(telemetry);
        daemon.addService(new NodeService() {   // DNS re-resolution of the announced host, for the API's host information
            @Override
            public void start() {
                addresses.start();
            }

            @Override
            public void stop() {
                addresses.stop();
            }

            @Override
            public String name() {
                return "announced addresses";
            }
        });
        daemon.addService(api);
        daemon.addService(admin);
        daemon.addService(new ReadyAnnouncer(appliance.notifier(), appliance.console(), host, daemon::mixAddress,
                api::port, admin::port, admin::certificateFingerprint));
        return new Composed(telemetry, api, admin, settings, control, dashboard);
    }
}
