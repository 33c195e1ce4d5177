package network.mask.node.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import network.mask.node.cli.Main;
import network.mask.node.testing.TestNodes;

/**
 * A real {@code masknode run --dev --data DIR --admin-port A --api-port P --mix-port M} in its own
 * JVM (this JVM's java and class path, the systemd unit's heap flags), as an owner starts it on a
 * PC. Its console output is kept in memory for the test and in {@code target/acceptance/NAME.log}.
 */
public final class DevNodeProcess implements AutoCloseable {

    /** How {@code OneTimeClaimCode} prints the code to the console. */
    static final Pattern CLAIM_CODE = Pattern.compile("(?i)one-time claim code: ([A-Z2-9]{5}-[A-Z2-9]{5})");
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);   // a shared, busy 2-core machine

    private static final Path LOGS = Path.of("target", "acceptance");
    private static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-Xmx192m",
            "-XX:MaxDirectMemorySize=64m", "-XX:+ExitOnOutOfMemoryError", "--enable-native-access=ALL-UNNAMED");

    private final String name;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final int adminPort;
    private final int apiPort;
    private final int mixPort;
    private volatile boolean outputEnded;

    private DevNodeProcess(String name, Process process, int adminPort, int apiPort, int mixPort, Path log) throws IOException {
        this.name = name;
        this.process = process;
        this.adminPort = adminPort;
        this.apiPort = apiPort;
        this.mixPort = mixPort;
        Writer logFile = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
        Thread.ofPlatform().daemon().name("output-" + name).start(() -> copyOutput(logFile));
    }

    /** Starts the node on three free loopback ports; {@code extraArgs} go after the standard flags. */
    public static DevNodeProcess start(String name, Path dataDir, String... extraArgs) throws IOException {
        return start(name, dataDir, Map.of(), extraArgs);
    }

    /** As {@link #start(String, Path, String...)}, with {@code environment} added to the node's. */
    static DevNodeProcess start(String name, Path dataDir, Map<String, String> environment, String... extraArgs) throws IOException {
        int admin = TestNodes.freePort();
        int api = TestNodes.freePort();
        int mix = TestNodes.freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "--dev", "--data", dataDir.toString(), "--admin-port", Integer.toString(admin),
                "--api-port", Integer.toString(api), "--mix-port", Integer.toString(mix)));
        command.addAll(List.of(extraArgs));
        Files.createDirectories(LOGS);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process p = builder.start();
        // The node does not watch its parent: should the test JVM end early, kill it rather than leave it running.
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly, "kill-" + name));
        p.getOutputStream().close();
        return new DevNodeProcess(name, p, admin, api, mix, LOGS.resolve(name + ".log"));
    }

    int adminPort() { return adminPort; }

    int apiPort() { return apiPort; }

    int mixPort() { return mixPort; }

    URI adminBase() { return URI.create("http://127.0.0.1:" + adminPort + "/"); }

    public URI apiBase() { return URI.create("http://127.0.0.1:" + apiPort + "/"); }

    public InetSocketAddress mixAddress() { return TestNodes.loopback(mixPort); }

    long pid() { return process.pid(); }

    /** Waits until the setup page, the public API and the mix port all accept connections. */
    public void awaitListening() {
        for (int port : new int[] {adminPort, apiPort, mixPort}) awaitPort(port);
    }

    /** The keys the node announces to the network: {@code data.keys} of its signed {@code /api/v1/host-information}. */
    JsonObject publishedKeys() throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(apiBase().resolve("/api/v1/host-information"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            return Json.createReader(new StringReader(r.body())).readObject().getJsonObject("data").getJsonObject("keys");
        }
    }

    /** The one-time claim code the node printed at start. */
    String claimCode() {
        return awaitOutput(CLAIM_CODE, START_TIMEOUT).group(1);
    }

    /** The first output line matching {@code pattern}, waiting up to {@code timeout} for it. */
    public Matcher awaitOutput(Pattern pattern, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (true) {
            synchronized (lines) {
                for (; seen < lines.size(); seen++) {
                    Matcher m = pattern.matcher(lines.get(seen));
                    if (m.find()) return m;
                }
            }
            if (outputEnded && seen == lineCount()) {
                return fail(died("printing /" + pattern + "/"));
            }
            if (System.nanoTime() - deadline > 0) return fail(name + " printed no /" + pattern + "/ within " + timeout + ":\n" + output());
            pause(20);
        }
    }

    private void awaitPort(int port) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) fail(died("opening port " + port));
            try (Socket s = new Socket()) {
                s.connect(TestNodes.loopback(port), 200);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() - deadline > 0) fail(name + " did not open port " + port + " within " + START_TIMEOUT + ":\n" + output());
                pause(50);
            }
        }
    }

    /** kill -9: no shutdown hook, no clean MQTT disconnect. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) fail(name + " survived SIGKILL for 10 s");
    }

    /** The failure message for a node that stopped too early, with all it printed. */
    private String died(String before) {
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (int i = 0; i < 100 && !outputEnded; i++) pause(20);
        return name + " exited with code " + process.exitValue() + " before " + before + ":\n" + output();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the node printed so far. */
    public String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    private int lineCount() {
        synchronized (lines) {
            return lines.size();
        }
    }

    private void copyOutput(Writer logFile) {
        try (logFile; BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                synchronized (lines) {
                    lines.add(line);
                }
                logFile.write(line);
                logFile.write('\n');
                logFile.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            outputEnded = true;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }

    /** SIGTERM (the node stops gracefully), then SIGKILL if it has not stopped after 15 s. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
