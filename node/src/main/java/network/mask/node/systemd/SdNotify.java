package network.mask.node.systemd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sd_notify protocol: newline-separated {@code KEY=value} assignments in one datagram to
 * {@code $NOTIFY_SOCKET}. Without that variable (not started by systemd with Type=notify) every
 * call is a no-op. A failed send never throws into the daemon: it is logged and counted, since
 * missing a notification must not take the node down (systemd's own timeouts cover that case).
 */
public final class SdNotify implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SdNotify.class.getName());
    public static final String ENV_NOTIFY_SOCKET = "NOTIFY_SOCKET";

    private final UnixAddress target;      // null: disabled
    private final UnixDatagramSocket socket;
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean failureLogged;

    private SdNotify(UnixAddress target, UnixDatagramSocket socket) {
        this.target = target;
        this.socket = socket;
    }

    /** From the process environment; disabled when NOTIFY_SOCKET is unset. */
    public static SdNotify fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * From the given environment. An unusable NOTIFY_SOCKET (unsupported address, no socket
     * available) is logged and gives a disabled notifier rather than a node that will not start.
     */
    public static SdNotify fromEnvironment(Map<String, String> env) {
        String value = env.get(ENV_NOTIFY_SOCKET);
        if (value == null || value.isEmpty()) return disabled();
        try {
            return forSocket(value);
        } catch (IllegalArgumentException | IOException e) {
            LOG.log(Level.WARNING, "sd_notify disabled: " + e.getMessage());
            return disabled();
        }
    }

    /**
     * Sends to the given socket ({@code /path} or {@code @abstract}).
     *
     * @throws IllegalArgumentException if the address is not an AF_UNIX address
     * @throws NativeSocketException if no socket can be opened
     */
    public static SdNotify forSocket(String notifySocket) throws NativeSocketException {
        UnixAddress address = UnixAddress.parse(notifySocket);
        return new SdNotify(address, UnixDatagramSocket.open());
    }

    /** A notifier that sends nothing. */
    public static SdNotify disabled() {
        return new SdNotify(null, null);
    }

    /** Whether messages go anywhere, i.e. systemd is waiting for them. */
    public boolean enabled() {
        return target != null;
    }

    /** {@code READY=1}: startup finished, listeners are up. */
    public boolean ready() {
        return send("READY=1");
    }

    /** {@code WATCHDOG=1}: keep-alive for WatchdogSec=. */
    public boolean watchdog() {
        return send("WATCHDOG=1");
    }

    /** {@code STOPPING=1}: shutdown began. */
    public boolean stopping() {
        return send("STOPPING=1");
    }

    /** {@code STATUS=...}: one line shown by {@code systemctl status}; newlines become spaces. */
    public boolean status(String text) {
        return send("STATUS=" + text.replace('\n', ' ').replace('\r', ' '));
    }

    /**
     * Sends a raw message, e.g. {@code "READY=1\nSTATUS=mixing"} or {@code "EXTEND_TIMEOUT_USEC=..."}.
     *
     * @return true if it was sent; false when disabled or the send failed (logged and counted)
     */
    public boolean send(String message) {
        if (target == null) return false;
        try {
            socket.send(target, message.getBytes(StandardCharsets.UTF_8));
            failureLogged = false;
            return true;
        } catch (IOException | IllegalStateException e) {
            failures.incrementAndGet();
            // Once per failure streak: a gone socket would otherwise log every watchdog period.
            if (!failureLogged) {
                failureLogged = true;
                LOG.log(Level.WARNING, "sd_notify to " + target + " failed: " + e.getMessage());
            }
            return false;
        }
    }

    /** How many sends failed since start. */
    public long failures() {
        return failures.get();
    }

    @Override
    public void close() {
        if (socket != null) socket.close();
    }
}
