package network.mask.node.localnet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link LocalnetNode} child JVM: started with this JVM's java binary and class path. */
final class NodeProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final OutputStream stdin;

    private NodeProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.stdin = process.getOutputStream();
        Thread.ofPlatform().daemon().name("stdout-" + name).start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) lines.add(line);
            } catch (IOException ignored) {
                // process ended
            }
            lines.add("EOF");
        });
    }

    static NodeProcess start(String name, Path configFile, Path logFile, List<String> jvmOptions) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(LocalnetNode.class.getName());
        cmd.add(configFile.toString());
        Files.createDirectories(logFile.getParent());
        Process p = new ProcessBuilder(cmd).redirectError(logFile.toFile()).start();
        return new NodeProcess(name, p);
    }

    String name() { return name; }

    long pid() { return process.pid(); }

    /** Waits for {@code READY <port>}. */
    int awaitReady(Duration timeout) throws IOException, InterruptedException {
        String line = next("READY", timeout);
        return Integer.parseInt(line.substring("READY ".length()).strip());
    }

    Map<String, Long> stats(Duration timeout) throws IOException, InterruptedException {
        stdin.write("STATS\n".getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        return StatsLine.decode(next("STATS", timeout).substring("STATS".length()));
    }

    /** Current and peak resident memory in bytes, from /proc (Linux); -1 where unknown. */
    long[] rss() {
        long[] out = {-1, -1};
        try {
            for (String l : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (l.startsWith("VmRSS:")) out[0] = kib(l);
                if (l.startsWith("VmHWM:")) out[1] = kib(l);
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux, or already gone
        }
        return out;
    }

    /** CPU time (user + system) the process has used, in nanoseconds, from /proc (Linux); -1 where unknown. */
    long cpuNanos() {
        return cpuNanos(process.pid());
    }

    static long cpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);   // utime, stime (fields 14, 15)
            return ticks * 10_000_000L;   // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
    }

    /** Closes stdin (the node stops gracefully) and returns its final stats. */
    Map<String, Long> stop(Duration timeout) throws InterruptedException {
        try {
            stdin.close();
            String line = next("STOPPED", timeout);
            process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return StatsLine.decode(line.substring("STOPPED".length()));
        } catch (IOException e) {
            return Map.of();
        } finally {
            close();
        }
    }

    private String next(String prefix, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) throw new IOException(name + ": no " + prefix + " within " + timeout.toMillis() + " ms");
            if (line.equals("EOF")) throw new IOException(name + " exited (exit code " + exitCode() + "); see its log");
            if (line.startsWith(prefix)) return line;
        }
    }

    private String exitCode() {
        try {
            return Integer.toString(process.waitFor(2, TimeUnit.SECONDS) ? process.exitValue() : -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(3, TimeUnit.SECONDS)) process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
