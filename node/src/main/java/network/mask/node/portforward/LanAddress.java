package network.mask.node.portforward;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The box's IPv4 address on the home network, the target of the router's port forwarding: the
 * address of the interface that holds the default route ({@code /proc/net/route}), else the first
 * private IPv4 address of an interface that is up. IPv4 only: home routers forward IPv4 ports; an
 * IPv6 address needs a firewall opening instead, not a forward.
 */
public final class LanAddress {

    static final Path ROUTES = Path.of("/proc/net/route");

    private LanAddress() {}

    /**
     * For a node bound to {@code bindHost}: a wildcard ("::", "0.0.0.0") listens on every interface, so
     * the home-network address is found; a specific address (127.0.0.1 on a developer PC) is the only one.
     */
    public static Optional<String> forBindHost(String bindHost) {
        boolean wildcard = bindHost.isEmpty() || bindHost.equals("::") || bindHost.equals("0.0.0.0");
        return wildcard ? find() : Optional.of(bindHost);
    }

    public static Optional<String> find() {
        return defaultRouteInterface(readRoutes()).flatMap(LanAddress::ipv4Of).or(LanAddress::anyPrivateIpv4);
    }

    /** The interface of the default route (destination 0.0.0.0, mask 0) in the kernel's route table text. */
    static Optional<String> defaultRouteInterface(List<String> routeTable) {
        for (String line : routeTable) {
            String[] f = line.trim().split("\\s+");
            // Iface Destination Gateway Flags RefCnt Use Metric Mask ...
            if (f.length >= 8 && f[1].equals("00000000") && f[7].equals("00000000")) return Optional.of(f[0]);
        }
        return Optional.empty();
    }

    private static List<String> readRoutes() {
        try {
            return Files.readAllLines(ROUTES);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static Optional<String> ipv4Of(String name) {
        try {
            NetworkInterface nic = NetworkInterface.getByName(name);
            if (nic == null) return Optional.empty();
            return nic.inetAddresses().filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                    .map(InetAddress::getHostAddress).findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> anyPrivateIpv4() {
        try {
            return NetworkInterface.networkInterfaces().filter(LanAddress::up)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(a -> a instanceof Inet4Address && a.isSiteLocalAddress())
                    .map(InetAddress::getHostAddress).findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private static boolean up(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
