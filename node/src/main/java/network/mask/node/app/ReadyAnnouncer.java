package network.mask.node.app;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import network.mask.node.daemon.NodeService;
import network.mask.node.systemd.SdNotify;

/**
 * Added last, so it runs once the mix listener, the public API and the setup page listen: sends
 * systemd {@code READY=1} with a {@code STATUS=} line, and prints where everything is.
 */
public final class ReadyAnnouncer implements NodeService {

    private final SdNotify notify;
    private final PrintStream console;
    private final String host;
    private final Supplier<InetSocketAddress> mix;
    private final IntSupplier apiPort;
    private final IntSupplier adminPort;
    private final Supplier<Optional<String>> adminFingerprint;

    /**
     * @param host             the name or address the owner should use in URLs
     * @param adminFingerprint the setup page certificate's fingerprint when it serves HTTPS
     */
    public ReadyAnnouncer(SdNotify notify, PrintStream console, String host, Supplier<InetSocketAddress> mix,
                          IntSupplier apiPort, IntSupplier adminPort, Supplier<Optional<String>> adminFingerprint) {
        this.notify = notify;
        this.console = console;
        this.host = host;
        this.mix = mix;
        this.apiPort = apiPort;
        this.adminPort = adminPort;
        this.adminFingerprint = adminFingerprint;
    }

    @Override
    public void start() {
        int admin = adminPort.getAsInt();
        int api = apiPort.getAsInt();
        int mixPort = mix.get().getPort();
        Optional<String> fingerprint = adminFingerprint.get();
        String setup = admin > 0 ? (fingerprint.isPresent() ? "https://" : "http://") + urlHost() + ":" + admin + "/" : "not running (see the log)";
        String apiUrl = api > 0 ? "http://" + urlHost() + ":" + api + "/api/v1/health" : "not running (see the log)";
        console.println("masknode: ready");
        console.println("  Setup page: " + setup);
        fingerprint.ifPresent(fp -> console.println("  Certificate SHA-256: " + fp));
        console.println("  Public API: " + apiUrl);
        console.println("  Mix port:   " + mix.get().getAddress().getHostAddress() + ":" + mixPort);
        console.flush();
        network.mask.webui.OwnerLog.note("Node started, version " + network.mask.node.cli.Main.version() + "; setup page " + setup);
        notify.send("READY=1\nSTATUS=mixing on port " + mixPort + (admin > 0 ? "; setup page on port " + admin : "; setup page down")
                + (api > 0 ? "; API on port " + api : "; API down"));
    }

    private String urlHost() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    @Override
    public void stop() {
    }

    @Override
    public String name() {
        return "readiness notice";
    }

    /**
     * The host for URLs: the bound address on a developer PC (loopback), else the
     * {@code <name>.local} that avahi answers to (see {@link MdnsName}).
     */
    public static String displayHost(String bindHost) {
        if (!bindHost.equals("::") && !bindHost.equals("0.0.0.0")) return bindHost;
        return MdnsName.of(Path.of("/etc/avahi/avahi-daemon.conf"), Path.of("/etc/hostname"));
    }
}
