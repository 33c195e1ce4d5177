package network.mask.webui;

import io.helidon.webserver.spi.ServerConnectionSelector;
import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;

/**
 * How the setup page listens.
 *
 * @param bindAddress  address to bind (the wildcard address on a box; loopback in tests)
 * @param port         the node's {@code --admin-port}; 0 picks a free port (tests)
 * @param tls          serve HTTPS with the per-device self-signed certificate
 * @param devMode      the one-time code is the only claim route (no button), and LAN or
 *                     loopback hosts are accepted as the "public" host for local test networks
 * @param hostNames    extra names the page may be reached under besides IP literals,
 *                     {@code localhost} and {@code *.local} (protects against DNS rebinding);
 *                     also written into the certificate
 * @param liveInterval how often the dashboard receives fresh figures
 * @param clock        time source for sessions and the login throttle
 * @param connectionSelectors when not empty, the server's only connection selectors, in place of
 *                     Helidon's discovered HTTP/1 one: the node's per-source-network connection cap
 *                     ({@code net.PerSourceHttpConnections}), which makes the HTTP/1 connections itself
 */
public record AdminConfig(
        InetAddress bindAddress,
        int port,
        boolean tls,
        boolean devMode,
        List<String> hostNames,
        Duration liveInterval,
        InstantSource clock,
        List<ServerConnectionSelector> connectionSelectors) {

    public AdminConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(liveInterval, "liveInterval");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("admin port out of range: " + port);
        }
        if (liveInterval.isNegative() || liveInterval.isZero()) {
            throw new IllegalArgumentException("liveInterval must be positive");
        }
        hostNames = List.copyOf(hostNames);
        connectionSelectors = List.copyOf(connectionSelectors);
    }

    /** Plain HTTP on {@code bindAddress:port}, product defaults for the rest. */
    public static AdminConfig of(InetAddress bindAddress, int port) {
        return new AdminConfig(bindAddress, port, false, false, List.of("masknode.local"), Duration.ofSeconds(1),
                InstantSource.system(), List.of());
    }

    public AdminConfig withTls(boolean on) {
        return new AdminConfig(bindAddress, port, on, devMode, hostNames, liveInterval, clock, connectionSelectors);
    }

    public AdminConfig withDevMode(boolean on) {
        return new AdminConfig(bindAddress, port, tls, on, hostNames, liveInterval, clock, connectionSelectors);
    }

    public AdminConfig withHostNames(List<String> names) {
        return new AdminConfig(bindAddress, port, tls, devMode, names, liveInterval, clock, connectionSelectors);
    }

    public AdminConfig withLiveInterval(Duration interval) {
        return new AdminConfig(bindAddress, port, tls, devMode, hostNames, interval, clock, connectionSelectors);
    }

    public AdminConfig withClock(InstantSource newClock) {
        return new AdminConfig(bindAddress, port, tls, devMode, hostNames, liveInterval, newClock, connectionSelectors);
    }

    public AdminConfig withConnectionSelectors(List<ServerConnectionSelector> selectors) {
        return new AdminConfig(bindAddress, port, tls, devMode, hostNames, liveInterval, clock, selectors);
    }
}
