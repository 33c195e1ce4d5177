package network.mask.node.app;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import network.mask.board.Board;
import network.mask.board.health.HealthAlarms;
import network.mask.node.announce.AnnouncedAddresses;
import network.mask.node.api.ApiSettings;
import network.mask.node.api.BuildInformation;
import network.mask.node.apilink.ApiService;
import network.mask.node.apilink.ConfigProfile;
import network.mask.node.boardlink.BoardFeed;
import network.mask.node.boardlink.BoardHealthSource;
import network.mask.node.boardlink.BoardOpener;
import network.mask.node.boardlink.TrafficRates;
import network.mask.node.claim.ClaimNotice;
import network.mask.node.claim.ClaimNoticeWithdrawal;
import network.mask.node.claim.ConsoleClaim;
import network.mask.node.claimfile.ClaimFile;
import network.mask.node.claimfile.ClaimFileOutcome;
import network.mask.node.cli.Main;
import network.mask.node.config.ConfigSchema;
import network.mask.node.config.ConfigStore;
import network.mask.node.config.NodeConfig;
import network.mask.node.daemon.KeysIdentity;
import network.mask.node.daemon.NodeDaemon;
import network.mask.node.daemon.NodeService;
import network.mask.node.maintenance.BackupFileSet;
import network.mask.node.maintenance.DataFiles;
import network.mask.node.maintenance.FactoryReset;
import network.mask.node.history.HistoryRecorder;
import network.mask.node.history.HistoryWiring;
import network.mask.node.metrics.Event;
import network.mask.node.publicview.PublicViewReader;
import network.mask.node.net.PerSourceHttpConnections;
import network.mask.node.net.SourceNetwork;
import network.mask.node.nymapi.NetworkStatus;
import network.mask.node.reachability.ReachabilityLog;
import network.mask.node.reachability.Witness;
import network.mask.node.setuppage.AdminService;
import network.mask.node.setuppage.BrokerProbe;
import network.mask.node.setuppage.ConfigSettingsStore;
import network.mask.node.setuppage.FileCredentialStore;
import network.mask.node.setuppage.FileTlsMaterialStore;
import network.mask.node.setuppage.LiveDashboard;
import network.mask.node.setuppage.NodeBondingKeys;
import network.mask.node.setuppage.OwnerDashboard;
import network.mask.node.setuppage.StatusReports;
import network.mask.node.setuppage.TcpReachability;
import network.mask.node.status.LiveStatus;
import network.mask.node.portforward.LanAddress;
import network.mask.node.portforward.RouterRuleReachability;
import network.mask.node.storage.LeftoverTemps;
import network.mask.node.telemetry.DeviceInfo;
import network.mask.node.telemetrylink.TelemetryService;
import network.mask.node.telemetrylink.TelemetryNetwork;
import network.mask.node.telemetrylink.TelemetrySettings;
import network.mask.webui.AdminBackend;
import network.mask.webui.AdminConfig;
import network.mask.webui.security.PasswordHasher;
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
        var updates = network.mask.node.update.OwnerUpdateControl.forBox(config.node().dataDir(), version);
        TelemetryService telemetry = new TelemetryService(config, device, nodeId, daemon.metrics(),
                new BoardHealthSource(board), control, () -> daemon.count(Event.MQTT_MESSAGE_TOO_LARGE))
                .withFirmwareUpdates(updates);
        telemetry.reportNetwork(new TelemetryNetwork(daemon::networkStatus));
        control.beforeFactoryReset(telemetry::forgetDevice);
        AnnouncedAddresses addresses = AnnouncedAddresses.ofThisMachine(() -> ConfigProfile.announceSettings(config));   // running host, not a saved one
        // What reached the node from outside, and the status derived from it and the other facts.
        ReachabilityLog reachability = new ReachabilityLog(config.node().dataDir(), Clock.systemUTC(), config.dev());
        daemon.witnessFirstFrames(source -> reachability.record(Witness.MIX_PEER, source));
        LiveStatus status = new LiveStatus(store::current, () -> daemon.networkStatus().map(NetworkStatus::view), reachability,
                () -> HealthAlarms.reasons(board.health()), Clock.systemUTC());
        telemetry.reportStatus(() -> status.status().top().condition().code());
        ApiService api = new ApiService(
                new ApiSettings(config.api().bindHost(), config.api().port(), config.api().metricsToken()),
                new KeysIdentity(daemon::keys, daemon.noiseKeyBase58()), new ConfigProfile(store, addresses), BuildInformation.describing(version, config.node().describeAsNymNode()), daemon.metrics())
                .countRefusals(() -> daemon.count(Event.API_REJECTED_PER_NETWORK_LIMIT))
                .witnessDescribeRequests(source -> reachability.record(Witness.DIRECTORY, source))
                .reportNetworkState(network.mask.node.apilink.PublicStatus.from(status));
        if (config.dev()) api.selectionBlockersAsDetail();

        // Without a button (always on a PC) the console's code is the only way to claim.
        boolean buttonWired = BoardOpener.hasButton(config);
        ClaimNotice notice = ClaimNotice.fromEnvironment(System.getenv());
        // A headless Pi's claim: the admin password the owner put on the SD card, taken once and removed.
        ClaimFileOutcome claimFile = new ClaimFile(ClaimFile.candidates(System.getenv(), config.dev()), credentials,
                new PasswordHasher()).consume();
        claimFile.notice().ifPresent(n -> appliance.console().println("masknode: " + n));
        if (credentials.claimed()) notice.withdraw();   // e.g. claimed through a restored backup
        ClaimAuthority claim = new ConsoleClaim(buttonWired ? appliance.buttonPresses()::takeRecentPress : () -> false,
                appliance.console(), notice, buttonWired, claimFile.notice());
        ConfigSettingsStore settings = new ConfigSettingsStore(store, telemetry, board);
        LiveDashboard dashboard = new LiveDashboard(daemon.metrics(), rates, board, () -> store.current().led().enabled(),
                appliance.log(), version, () -> StatusReports.of(status));
        HistoryRecorder history = HistoryWiring.recorder(daemon, board);
        AdminBackend backend = new AdminBackend(new ClaimNoticeWithdrawal(credentials, notice), claim, settings,
                new RouterRuleReachability(new TcpReachability(REACHABILITY_TIMEOUT), () -> LanAddress.forBindHost(config.mixnet().bindHost()),
                        () -> daemon.mixAddress() == null ? -1 : daemon.mixAddress().getPort(), api::port), new BrokerProbe(nodeId, () -> store.current().mqtt()),
                new OwnerDashboard(dashboard, history, new PublicViewReader(config.api().bindHost(), api::port), telemetry),
                control, new BackupFileSet(files, store.file()), new NodeBondingKeys(daemon::keys, store, daemon::networkStatus,
                        () -> reachability.lastReached().map(ReachabilityLog.Seen::at)),
                new FileTlsMaterialStore(files.tlsKey(), files.tlsCertificate()),
                updates);
        AdminConfig adminConfig = AdminConfig.of(InetAddress.ofLiteral(config.admin().bindHost()), config.admin().port())
                .withDevMode(config.dev())
                .withTls(config.admin().tls())
                .withHostNames(host.endsWith(".local") && !host.equals("masknode.local")
                        ? List.of("masknode.local", host) : List.of("masknode.local"))
                .withConnectionSelectors(List.of(new PerSourceHttpConnections(SourceNetwork.DEFAULT, SETUP_PAGE_PER_NETWORK,
                        () -> daemon.count(Event.SETUP_PAGE_REJECTED_PER_NETWORK_LIMIT))));
        AdminService admin = new AdminService(adminConfig, backend, appliance.adminSessions());

        daemon.addService(reachability);
        daemon.addService(history);
        daemon.addService(new BoardFeed(board, daemon.metrics(), rates, credentials::claimed, telemetry, buttonWired,
                () -> Optional.of(status.status())));
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
