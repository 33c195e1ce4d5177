package network.mask.node.api;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * The standard process and JVM metrics, with the names the Prometheus client libraries' process
 * and JVM collectors use (https://prometheus.io/docs/instrumenting/writing_clientlibs/#standard-and-runtime-collectors),
 * so generic dashboards and alerts work: CPU seconds, resident and virtual memory, start time,
 * open and maximum file descriptors, heap and non-heap memory. A value the platform does not give
 * (e.g. /proc on a non-Linux PC) is left out rather than made up.
 */
final class ProcessMetrics {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMetrics() {}

    static void render(PrometheusText p) {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun && sun.getProcessCpuTime() >= 0) {
            p.family("process_cpu_seconds_total", "counter", "Total user and system CPU time spent in seconds.")
                    .sample("process_cpu_seconds_total", sun.getProcessCpuTime() / 1e9);
        }
        p.gauge("process_start_time_seconds", "Start time of the process since unix epoch in seconds.",
                ManagementFactory.getRuntimeMXBean().getStartTime() / 1000.0);
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            p.gauge("process_open_fds", "Number of open file descriptors.", unix.getOpenFileDescriptorCount());
            p.gauge("process_max_fds", "Maximum number of open file descriptors.", unix.getMaxFileDescriptorCount());
        }
        List<String> status = readStatus();
        kibibytes(status, "VmRSS:").ifPresent(b -> p.gauge("process_resident_memory_bytes", "Resident memory size in bytes.", b));
        kibibytes(status, "VmSize:").ifPresent(b -> p.gauge("process_virtual_memory_bytes", "Virtual memory size in bytes.", b));

        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        p.family("jvm_memory_used_bytes", "gauge", "Used bytes of a given JVM memory area.")
                .sample("jvm_memory_used_bytes", heap.getUsed(), "area", "heap")
                .sample("jvm_memory_used_bytes", nonHeap.getUsed(), "area", "nonheap");
        p.family("jvm_memory_committed_bytes", "gauge", "Committed (bytes) of a given JVM memory area.")
                .sample("jvm_memory_committed_bytes", heap.getCommitted(), "area", "heap")
                .sample("jvm_memory_committed_bytes", nonHeap.getCommitted(), "area", "nonheap");
        if (heap.getMax() >= 0) {
            p.family("jvm_memory_max_bytes", "gauge", "Max (bytes) of a given JVM memory area.")
                    .sample("jvm_memory_max_bytes", heap.getMax(), "area", "heap");
        }
    }

    private static List<String> readStatus() {
        try {
            return Files.readAllLines(STATUS);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** A "Name:   1234 kB" line of /proc/self/status, in bytes. */
    static OptionalLong kibibytes(List<String> status, String name) {
        for (String line : status) {
            if (!line.startsWith(name)) continue;
            String[] parts = line.substring(name.length()).trim().split("\\s+");
            try {
                return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }
}
