package network.mask.node.systemd;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Plays systemd's side: a bound AF_UNIX datagram socket that collects notify messages. */
public final class NotifyReceiver implements AutoCloseable {

    private final UnixDatagramSocket socket;
    final String address;

    public NotifyReceiver(String address) throws Exception {
        this.address = address;
        this.socket = UnixDatagramSocket.open();
        socket.bind(UnixAddress.parse(address));
    }

    /** The next message, failing the test if none arrives within a second. */
    String next() throws Exception {
        return socket.receive(Duration.ofSeconds(1))
                .map(b -> new String(b, StandardCharsets.UTF_8))
                .orElseThrow(() -> new AssertionError("no notify message arrived on " + address));
    }

    Optional<byte[]> nextRaw(Duration timeout) throws Exception {
        return socket.receive(timeout);
    }

    /** Every message already queued (they are sent synchronously, so nothing is in flight). */
    public List<String> drain() throws Exception {
        List<String> messages = new ArrayList<>();
        Optional<byte[]> m;
        while ((m = socket.receive(Duration.ofMillis(50))).isPresent()) {
            messages.add(new String(m.get(), StandardCharsets.UTF_8));
        }
        return messages;
    }

    @Override
    public void close() {
        socket.close();
    }
}
