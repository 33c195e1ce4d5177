package network.mask.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** System facts and machine load read from a fake /proc tree (and from none). */
class HostSystemInfoTest {

    @TempDir Path root;

    @Test
    void aRaspberryPiIsDescribedCoarsely() {
        HostSystemInfo info = HostSystemInfo.read(FakeHost.raspberryPi(root));
        assertEquals("Debian GNU/Linux", info.systemName());
        assertEquals("12", info.osVersion());
        assertEquals("6.6.51+rpt-rpi-v8", info.kernelVersion());
        assertEquals("aarch64", info.cpuArch());
        assertEquals(4L * 1024 * 1024 * 1024, info.totalMemoryBytes());
        assertEquals(List.of(new HostSystemInfo.Cpu("cpu0", 1800, "ARM", "Cortex-A72"),
                new HostSystemInfo.Cpu("cpu1", 1800, "ARM", "Cortex-A72"),
                new HostSystemInfo.Cpu("cpu2", 1800, "ARM", "Cortex-A72"),
                new HostSystemInfo.Cpu("cpu3", 1800, "ARM", "Cortex-A72")), info.cpus());
        String json = info.json();
        assertFalse(json.contains(FakeHost.SERIAL), "never the serial number: " + json);
        assertFalse(json.contains("c03114"), "nor the board revision");
        assertTrue(json.startsWith("{\"system_name\":\"Debian GNU/Linux\",\"kernel_version\":\"6.6.51+rpt-rpi-v8\","
                + "\"os_version\":\"12\",\"cpu_arch\":\"aarch64\",\"hardware\":{\"cpu\":[{\"name\":\"cpu0\",\"frequency\":1800,"
                + "\"vendor_id\":\"ARM\",\"brand\":\"Cortex-A72\"},"), json);
        assertTrue(json.endsWith("],\"total_memory\":4294967296,\"crypto\":null}}"), json);
    }

    @Test
    void anX86CpuinfoGivesVendorModelAndMhz() {
        FakeHost.write(root, "proc/cpuinfo", """
                processor\t: 0
                vendor_id\t: GenuineIntel
                model name\t: Intel(R) Celeron(R) N5105 @ 2.00GHz
                cpu MHz\t\t: 1996.801
                """);
        FakeHost.write(root, "proc/meminfo", "MemTotal:        8000000 kB\n");
        HostSystemInfo info = HostSystemInfo.read(new HostFiles(root, Map.of("os.arch", "amd64"), () -> -1));
        assertEquals(List.of(new HostSystemInfo.Cpu("cpu0", 1997, "GenuineIntel", "Intel(R) Celeron(R) N5105 @ 2.00GHz")),
                info.cpus());
        assertEquals("x86_64", info.cpuArch(), "the JVM's amd64 in uname's words");
        assertNull(info.systemName(), "no os-release and no os.name");
    }

    @Test
    void withoutProcEveryHardwareFactIsNull() {
        HostSystemInfo info = HostSystemInfo.read(FakeHost.notLinux(root));
        assertEquals("Mac OS X", info.systemName());
        assertEquals("14.5", info.kernelVersion());
        assertNull(info.osVersion());
        assertEquals("x86_64", info.cpuArch());
        assertEquals(Collections.emptyList(), info.cpus());
        assertEquals("{\"system_name\":\"Mac OS X\",\"kernel_version\":\"14.5\",\"os_version\":null,\"cpu_arch\":\"x86_64\","
                + "\"hardware\":null}", info.json());
    }

    @Test
    void machineLoadIsPerCoreAndMemoryIsWhatIsNotAvailable() {
        MachineLoad load = MachineLoad.read(FakeHost.raspberryPi(root));
        assertEquals(0.5, load.loadPerCpu(), 1e-12, "5-minute average 2.0 over 4 cores");
        assertEquals(0.25, load.memoryUsed(), 1e-12);
        MachineLoad none = MachineLoad.read(FakeHost.notLinux(root.resolve("empty")));
        assertTrue(Double.isNaN(none.loadPerCpu()));
        assertTrue(Double.isNaN(none.memoryUsed()));
        MachineLoad jvm = MachineLoad.read(new HostFiles(root.resolve("empty"), Map.of(), () -> 3.0));
        assertEquals(3.0 / Runtime.getRuntime().availableProcessors(), jvm.loadPerCpu(), 1e-12, "the JVM's average off Linux");
    }

    @Test
    void garbageInProcGivesUnknownsNotErrors() {
        FakeHost.write(root, "proc/loadavg", "not numbers\n");
        FakeHost.write(root, "proc/meminfo", "MemTotal: lots kB\nMemAvailable: 5 kB\n");
        FakeHost.write(root, "proc/cpuinfo", "processor : 0\ncpu MHz : fast\n");
        MachineLoad load = MachineLoad.read(new HostFiles(root, Map.of(), () -> -1));
        assertTrue(Double.isNaN(load.loadPerCpu()));
        assertTrue(Double.isNaN(load.memoryUsed()));
        HostSystemInfo info = HostSystemInfo.read(new HostFiles(root, Map.of(), () -> -1));
        assertEquals(List.of(new HostSystemInfo.Cpu("cpu0", 0, "", "")), info.cpus());
        assertNull(info.totalMemoryBytes());
        assertTrue(info.json().endsWith("\"hardware\":null}"), info.json());
    }
}
