package network.mask.node.setuppage;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import network.mask.webui.spi.ReachabilityChecker;

/** The setup page's self-check: a TCP connect from the box to its own announced address, with a short timeout. */
public final class TcpReachability implements ReachabilityChecker {

    private final Duration timeout;

    public TcpReachability(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public Verdict check(String host, int port) {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) return new Verdict(false, "the name " + host + " does not resolve");
        try (Socket s = new Socket()) {
            s.connect(address, (int) timeout.toMillis());
            return new Verdict(true, "");   // the page already says "connected to host:port"
        } catch (SocketTimeoutException e) {
            return new Verdict(false, "no answer from " + host + ":" + port + " within " + timeout.toSeconds()
                    + " s (a firewall or the router's port forwarding?)");
        } catch (ConnectException e) {
            return new Verdict(false, host + ":" + port + " refused the connection (is the port forwarded to this box?)");
        } catch (NoRouteToHostException | UnknownHostException e) {
            return new Verdict(false, "no route to " + host);
        } catch (IOException e) {
            return new Verdict(false, "could not connect to " + host + ":" + port + ": " + e.getMessage());
        }
    }
}
