package network.mask.node.runguard;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;

/**
 * Turns a failed start into "Port 1789 (mix port) is in use. Is Mask Node already running?"
 * when a bind failed: finds which of the node's ports is taken by trying each once.
 */
public final class PortInUse {

    /** One of the node's listening ports, with the flag that changes it. */
    public record Port(String what, String flag, String host, int port) {}

    private PortInUse() {}

    /** Whether {@code failure} (or one of its causes) is an "address already in use". */
    public static boolean isBindFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException) return true;
            String m = t.getMessage();
            if (m != null && m.contains("Address already in use")) return true;   // Netty's native epoll error
        }
        return false;
    }

    /** The message for the first port that cannot be bound now, if any. */
    public static Optional<String> explain(List<Port> ports) {
        for (Port p : ports) {
            if (p.port() > 0 && !free(p.host(), p.port())) {
                return Optional.of("Port " + p.port() + " (" + p.what() + ") is in use. Is Mask Node already running? "
                        + "Stop it first (Ctrl-C, or `systemctl stop masknode`), or choose another port with " + p.flag() + ".");
            }
        }
        return Optional.empty();
    }

    static boolean free(String host, int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);   // as the node's listeners do: a closed connection's TIME_WAIT does not count
            s.bind(new InetSocketAddress(InetAddress.ofLiteral(host), port));
            return true;
        } catch (BindException e) {
            return false;
        } catch (IOException | IllegalArgumentException e) {
            return true;   // not ours to explain (no such address here): the original error stands
        }
    }
}
