package network.mask.node.announce;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The IP addresses to announce, kept current. Sources, in order: the configured public host (an IP
 * literal as it is; a DNS name resolved, again every {@link #REFRESH}, since a home line's address
 * changes), then the public addresses on this box's network interfaces (a home box usually has its
 * global IPv6 there, while its IPv4 is the router's). Outside dev mode only public addresses
 * ({@link AddressScope}) are announced. In dev mode the configured host is announced whatever it
 * is, and {@code 127.0.0.1} when none is set, for local networks. Reading never waits for DNS: it
 * returns the last resolved set.
 */
public final class AnnouncedAddresses {

    private static final System.Logger LOG = System.getLogger(AnnouncedAddresses.class.getName());

    /** How often a DNS host name is resolved again. */
    public static final Duration REFRESH = Duration.ofMinutes(5);

    /** What the announcement is built from; read on every refresh, so edits on the setup page count. */
    public record Settings(String announceHost, boolean includeInterfaceAddresses, boolean dev) {}

    /** Name resolution (the JDK's resolver in production). */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    /** The addresses configured on this machine's interfaces. */
    @FunctionalInterface
    public interface InterfaceAddresses {
        List<InetAddress> list();
    }

    private final Supplier<Settings> settings;
    private final Resolver resolver;
    private final InterfaceAddresses interfaces;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private final List<Consumer<List<String>>> listeners = new CopyOnWriteArrayList<>();
    private volatile Thread refresher;

    private record Snapshot(String host, List<InetAddress> resolved, List<String> announced) {}

    public AnnouncedAddresses(Supplier<Settings> settings, Resolver resolver, InterfaceAddresses interfaces) {
        this.settings = settings;
        this.resolver = resolver;
        this.interfaces = interfaces;
    }

    /** This machine: the JDK's resolver and {@link NetworkInterface}s. */
    public static AnnouncedAddresses ofThisMachine(Supplier<Settings> settings) {
        return new AnnouncedAddresses(settings, host -> List.of(InetAddress.getAllByName(host)),
                AnnouncedAddresses::interfaceAddresses);
    }

    /** IP literals to announce now (Java's text form; the API writes them as Rust does). */
    public List<String> current() {
        Settings s = settings.get();
        Snapshot snap = current.get();
        if (snap == null || !snap.host().equals(s.announceHost())) {
            // A new host: announce what is known without DNS now; the refresher resolves names.
            snap = compute(s, isIpLiteral(s.announceHost()) ? literal(s.announceHost()) : List.of());
            current.set(snap);
            Thread t = refresher;
            if (t != null) t.interrupt();   // resolve the new name now rather than at the next tick
        }
        return snap.announced();
    }

    /** Called with the new list whenever the announced addresses change (e.g. to ask nym-api to describe the node again). */
    public void onChange(Consumer<List<String>> listener) {
        listeners.add(listener);
    }

    /** Resolves the host name (if any) and re-reads the interfaces, now. */
    public void refresh() {
        Settings s = settings.get();
        List<InetAddress> resolved;
        String host = s.announceHost();
        if (host.isBlank()) resolved = List.of();
        else if (isIpLiteral(host)) resolved = literal(host);
        else {
            try {
                resolved = resolver.resolve(host);
            } catch (UnknownHostException e) {
                Snapshot old = current.get();
                resolved = old != null && old.host().equals(host) ? old.resolved() : List.of();
                LOG.log(System.Logger.Level.WARNING, "cannot resolve mixnet.announce_host {0} ({1}); still announcing {2}",
                        host, e.getMessage(), resolved);
            }
        }
        Snapshot before = current.get();
        Snapshot after = compute(s, resolved);
        current.set(after);
        if (before == null || !before.announced().equals(after.announced())) {
            if (after.announced().isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, "no public IP address to announce: set mixnet.announce_host to this "
                        + "box''s public IP address or DNS name (your router''s, if the box is behind one)");
            } else {
                LOG.log(System.Logger.Level.INFO, "announcing IP addresses {0}", after.announced());
            }
            for (Consumer<List<String>> l : listeners) l.accept(after.announced());
        }
    }

    /** Refreshes now, then every {@link #REFRESH}, on a virtual thread, until {@link #stop()}. */
    public synchronized void start() {
        if (refresher != null) return;
        // Assigned before it runs: the loop ends when refresher is no longer this thread.
        Thread t = Thread.ofVirtual().name("announced-addresses").unstarted(() -> {
            while (refresher == Thread.currentThread()) {
                try {
                    refresh();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "refreshing the announced addresses failed", e);
                }
                try {
                    Thread.sleep(REFRESH);
                } catch (InterruptedException wakeUp) {
                    // a new host, or stop(): loop checks which
                }
            }
        });
        refresher = t;
        t.start();
    }

    public synchronized void stop() {
        Thread t = refresher;
        refresher = null;
        if (t != null) t.interrupt();
    }

    private Snapshot compute(Settings s, List<InetAddress> resolved) {
        Set<InetAddress> out = new LinkedHashSet<>();
        for (InetAddress a : resolved) if (s.dev() || AddressScope.isPublic(a)) out.add(a);
        if (!s.dev() && s.includeInterfaceAddresses()) {
            for (InetAddress a : interfaces.list()) if (AddressScope.isPublic(a)) out.add(a);
        }
        if (s.dev() && out.isEmpty()) out.add(literal("127.0.0.1").getFirst());
        List<InetAddress> sorted = new ArrayList<>(out);
        // IPv4 first, then IPv6, each in the order found: stable, so an unchanged set is not a change.
        sorted.sort((a, b) -> Boolean.compare(!(a instanceof Inet4Address), !(b instanceof Inet4Address)));
        List<String> text = sorted.stream().map(InetAddress::getHostAddress).map(AnnouncedAddresses::withoutScope).toList();
        return new Snapshot(s.announceHost(), List.copyOf(resolved), text);
    }

    private static String withoutScope(String ip) {
        int pct = ip.indexOf('%');
        return pct < 0 ? ip : ip.substring(0, pct);
    }

    private static List<InetAddress> literal(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return List.of(InetAddress.ofLiteral(h));
    }

    /** Without DNS: an IPv6 literal has a colon, an IPv4 one is only digits and dots. */
    public static boolean isIpLiteral(String host) {
        if (host == null || host.isEmpty() || !(host.contains(":") || host.matches("[0-9.]+"))) return false;
        try {
            literal(host);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Every address on every interface that is up, without temporary or unusable IPv6 addresses (Linux). */
    static List<InetAddress> interfaceAddresses() {
        List<InetAddress> out = new ArrayList<>();
        Set<InetAddress> excluded = Ipv6AddressFlags.notAnnounceable(linuxIpv6Addresses());
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp() || nif.isLoopback()) continue;
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    if (!excluded.contains(withoutScopeId(a))) out.add(a);
                }
            }
        } catch (SocketException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot list network interfaces: {0}", e.getMessage());
        }
        return out;
    }

    private static List<String> linuxIpv6Addresses() {
        try {
            return Files.readAllLines(Path.of("/proc/net/if_inet6"));
        } catch (IOException | SecurityException notLinux) {
            return List.of();
        }
    }

    private static InetAddress withoutScopeId(InetAddress a) {
        try {
            return InetAddress.getByAddress(a.getAddress());
        } catch (UnknownHostException impossible) {
            return a;
        }
    }
}
