package network.mask.node.telemetry;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker for one test: its own config in a temp directory, a free port on
 * 127.0.0.1, no persistence. Fails (never skips) when the Debian package is not installed.
 */
public final class MosquittoBroker implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final List<String> extraConfig;
    private Process process;

    private MosquittoBroker(Path dir, int port, List<String> extraConfig) {
        this.dir = dir;
        this.port = port;
        this.extraConfig = extraConfig;
    }

    /** An anonymous plain-TCP broker. */
    public static MosquittoBroker start(Path dir) throws IOException {
        return start(dir, List.of("allow_anonymous true"));
    }

    /** A broker with the given listener options (allow_anonymous, password_file, cafile, ...). */
    static MosquittoBroker start(Path dir, List<String> listenerOptions) throws IOException {
        MosquittoBroker broker = new MosquittoBroker(dir, freePort(), new ArrayList<>(listenerOptions));
        broker.launch();
        return broker;
    }

    static String binary() {
        for (String candidate : List.of("/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto")) {
            if (Files.isExecutable(Path.of(candidate))) return candidate;
        }
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!p.isEmpty() && Files.isExecutable(Path.of(p, "mosquitto"))) return Path.of(p, "mosquitto").toString();
        }
        return fail("mosquitto not found: these tests need a real broker. Install it with "
                + "'apt-get install -y mosquitto mosquitto-clients'");
    }

    static String passwdBinary() {
        for (String candidate : List.of("/usr/bin/mosquitto_passwd", "/usr/sbin/mosquitto_passwd")) {
            if (Files.isExecutable(Path.of(candidate))) return candidate;
        }
        return fail("mosquitto_passwd not found: install 'mosquitto' (Debian package)");
    }

    public int port() {
        return port;
    }

    public String tcpUrl() {
        return "tcp://127.0.0.1:" + port;
    }

    String sslUrl() {
        return "ssl://127.0.0.1:" + port;
    }

    /** Stops the broker (SIGTERM) and starts it again on the same port; retained messages are gone. */
    void restart() throws IOException {
        stop();
        launch();
    }

    void stop() {
        if (process == null) return;
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private void launch() throws IOException {
        List<String> config = new ArrayList<>();
        config.add("persistence false");
        config.add("log_dest stdout");
        config.add("log_type error");
        config.add("log_type warning");
        config.add("log_type notice");
        config.add("user root");   // when tests run as root, stay root so the temp files stay readable
        config.add("per_listener_settings true");
        config.add("listener " + port + " 127.0.0.1");
        config.addAll(extraConfig);
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n", config) + "\n", StandardCharsets.UTF_8);
        process = new ProcessBuilder(binary(), "-c", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("mosquitto exited at start: " + Files.readString(dir.resolve("mosquitto.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(20);
            }
        }
        fail("mosquitto did not open port " + port + ": " + Files.readString(dir.resolve("mosquitto.log")));
    }

    static int freePort() throws IOException {
        return network.mask.node.testing.TestNodes.freePort();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
