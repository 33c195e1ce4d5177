package network.mask.node.api;

import java.util.List;
import java.util.OptionalLong;
import network.mask.board.health.HealthParsers;

/**
 * The machine's CPU and memory load, read fresh on each call (two small {@code /proc} files).
 *
 * @param loadPerCpu 5-minute load average per core (the JVM's 1-minute one off Linux), NaN if unknown
 * @param memoryUsed fraction of memory not available to new programs (MemAvailable), NaN if unknown
 */
record MachineLoad(double loadPerCpu, double memoryUsed) {

    static MachineLoad read(HostFiles host) {
        int cpus = cpuCount(host);
        double average = host.firstLine("proc/loadavg").map(MachineLoad::fiveMinuteAverage).orElse(Double.NaN);
        if (Double.isNaN(average)) {
            double fallback = host.loadAverageFallback();
            average = fallback < 0 ? Double.NaN : fallback;
        }
        HealthParsers.MemInfo mem = host.memInfo();   // one read for both figures
        OptionalLong total = mem.totalBytes();
        OptionalLong available = mem.availableBytes();
        double memory = total.isPresent() && available.isPresent() && total.getAsLong() > 0
                ? Math.clamp(1.0 - (double) available.getAsLong() / total.getAsLong(), 0.0, 1.0) : Double.NaN;
        return new MachineLoad(average / cpus, memory);
    }

    /** Cores as the kernel lists them (the load average counts all of them), else the JVM's count. */
    private static int cpuCount(HostFiles host) {
        long listed = host.lines("proc/cpuinfo").orElse(List.of()).stream()
                .filter(l -> l.startsWith("processor") && l.contains(":")).count();
        return listed > 0 ? (int) listed : Runtime.getRuntime().availableProcessors();
    }

    private static double fiveMinuteAverage(String loadavg) {
        String[] f = loadavg.split("\\s+");
        try {
            return f.length >= 2 ? Double.parseDouble(f[1]) : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
