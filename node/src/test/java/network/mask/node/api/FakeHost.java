package network.mask.node.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A Raspberry Pi 4's /proc, /sys and /etc files, written under a test directory. */
final class FakeHost {

    static final String SERIAL = "10000000deadbeef";

    private FakeHost() {}

    /** Four Cortex-A72 cores at 1800 MHz, 4 GiB of which 25 % in use, 5-minute load average 2.0. */
    static HostFiles raspberryPi(Path root) {
        StringBuilder cpuinfo = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            cpuinfo.append("processor\t: ").append(i).append("\nBogoMIPS\t: 108.00\nFeatures\t: fp asimd evtstrm crc32 cpuid\n")
                    .append("CPU implementer\t: 0x41\nCPU architecture: 8\nCPU variant\t: 0x0\nCPU part\t: 0xd08\n")
                    .append("CPU revision\t: 3\n\n");
            write(root, "sys/devices/system/cpu/cpu" + i + "/cpufreq/cpuinfo_max_freq", "1800000\n");
        }
        cpuinfo.append("Hardware\t: BCM2835\nRevision\t: c03114\nSerial\t\t: ").append(SERIAL)
                .append("\nModel\t\t: Raspberry Pi 4 Model B Rev 1.4\n");
        write(root, "proc/cpuinfo", cpuinfo.toString());
        write(root, "proc/meminfo", "MemTotal:        4194304 kB\nMemFree:         1000000 kB\nMemAvailable:    3145728 kB\n");
        write(root, "proc/loadavg", "1.00 2.00 3.00 2/345 6789\n");
        write(root, "proc/sys/kernel/osrelease", "6.6.51+rpt-rpi-v8\n");
        write(root, "proc/sys/kernel/arch", "aarch64\n");
        write(root, "etc/os-release", """
                PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
                NAME="Debian GNU/Linux"
                VERSION_ID="12"
                ID=debian
                """);
        return new HostFiles(root, Map.of("os.name", "Linux", "os.arch", "aarch64", "os.version", "6.6.51+rpt-rpi-v8"), () -> -1);
    }

    /** No files at all (not Linux): only the JVM's properties, and no load average. */
    static HostFiles notLinux(Path emptyRoot) {
        return new HostFiles(emptyRoot, Map.of("os.name", "Mac OS X", "os.arch", "amd64", "os.version", "14.5"), () -> -1);
    }

    static void write(Path root, String relative, String text) {
        try {
            Path p = root.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
