package network.mask.node.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * nym-node's {@code HostSystem} ({@code /api/v1/system-info}): OS name and version, kernel, CPU
 * architecture, and per logical CPU its model, vendor and maximum frequency, plus total memory.
 * Only coarse facts: from {@code /proc/cpuinfo} just the vendor and model lines are read, never
 * serial numbers, board revisions or host identifiers. Unknown facts are null, as in nym-node.
 */
record HostSystemInfo(String systemName, String kernelVersion, String osVersion, String cpuArch,
                      List<Cpu> cpus, Long totalMemoryBytes) {

    /** nym-node's {@code Cpu}; frequency in MHz, 0 when unknown; empty strings when unknown. */
    record Cpu(String name, long frequencyMhz, String vendorId, String brand) {}

    /** ARM's implementer and part numbers as the kernel prints them, for the boards this runs on. */
    private static final Map<String, String> ARM_PARTS = Map.of(
            "0xd03", "Cortex-A53", "0xd04", "Cortex-A35", "0xd05", "Cortex-A55", "0xd07", "Cortex-A57",
            "0xd08", "Cortex-A72", "0xd09", "Cortex-A73", "0xd0a", "Cortex-A75", "0xd0b", "Cortex-A76",
            "0xd0c", "Neoverse-N1", "0xd40", "Neoverse-V1");

    static HostSystemInfo read(HostFiles host) {
        Map<String, String> osRelease = osRelease(host);
        String kernel = host.firstLine("proc/sys/kernel/osrelease").or(() -> host.property("os.version")).orElse(null);
        String arch = host.firstLine("proc/sys/kernel/arch").or(() -> host.property("os.arch").map(HostSystemInfo::unameArch))
                .orElse(null);
        String name = Optional.ofNullable(osRelease.get("NAME")).or(() -> host.property("os.name")).orElse(null);
        OptionalLong memory = host.memInfo().totalBytes();
        return new HostSystemInfo(name, kernel, osRelease.get("VERSION_ID"), arch, cpus(host),
                memory.isPresent() ? memory.getAsLong() : null);
    }

    String json() {
        String hardware = null;
        if (totalMemoryBytes != null) {
            StringBuilder list = new StringBuilder("[");
            for (Cpu c : cpus) {
                if (list.length() > 1) list.append(',');
                list.append(SerdeJson.object().string("name", c.name()).number("frequency", c.frequencyMhz())
                        .string("vendor_id", c.vendorId()).string("brand", c.brand()).end());
            }
            hardware = SerdeJson.object().raw("cpu", list.append(']').toString())
                    .number("total_memory", totalMemoryBytes).nullValue("crypto").end();
        }
        return SerdeJson.object()
                .string("system_name", systemName)
                .string("kernel_version", kernelVersion)
                .string("os_version", osVersion)
                .string("cpu_arch", cpuArch)
                .raw("hardware", hardware)
                .end();
    }

    /** {@code /etc/os-release} (or the copy in {@code /usr/lib}) as key to unquoted value. */
    private static Map<String, String> osRelease(HostFiles host) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : host.lines("etc/os-release").or(() -> host.lines("usr/lib/os-release")).orElse(List.of())) {
            int eq = line.indexOf('=');
            if (eq <= 0 || line.startsWith("#")) continue;
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'")) && value.endsWith(value.substring(0, 1))) {
                value = value.substring(1, value.length() - 1);
            }
            if (!value.isEmpty()) out.put(line.substring(0, eq).strip(), value);
        }
        return out;
    }

    /** One entry per {@code processor} block of /proc/cpuinfo; model/vendor lines before the first apply to all (ARM). */
    private static List<Cpu> cpus(HostFiles host) {
        List<Map<String, String>> blocks = new ArrayList<>();
        Map<String, String> shared = new LinkedHashMap<>();
        Map<String, String> current = shared;
        for (String line : host.lines("proc/cpuinfo").orElse(List.of())) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (key.equals("processor")) {
                current = new LinkedHashMap<>();
                blocks.add(current);
            }
            if (key.equals("processor") || key.equals("vendor_id") || key.equals("model name") || key.equals("cpu MHz")
                    || key.equals("CPU implementer") || key.equals("CPU part")) {
                current.put(key, value);
            }
        }
        List<Cpu> out = new ArrayList<>();
        for (Map<String, String> b : blocks) {
            String index = b.get("processor");
            String implementer = b.getOrDefault("CPU implementer", shared.get("CPU implementer"));
            String vendor = b.getOrDefault("vendor_id", "0x41".equals(implementer) ? "ARM" : "");
            String brand = b.getOrDefault("model name", ARM_PARTS.getOrDefault(
                    b.getOrDefault("CPU part", shared.getOrDefault("CPU part", "")), ""));
            out.add(new Cpu("cpu" + index, frequencyMhz(host, index, b.get("cpu MHz")), vendor, brand));
        }
        return out;
    }

    /** The core's maximum frequency from cpufreq (kHz), else the MHz /proc/cpuinfo shows, else 0. */
    private static long frequencyMhz(HostFiles host, String index, String cpuinfoMhz) {
        Optional<String> khz = index != null && index.matches("[0-9]{1,5}")
                ? host.firstLine("sys/devices/system/cpu/cpu" + index + "/cpufreq/cpuinfo_max_freq") : Optional.empty();
        try {
            if (khz.isPresent()) return Long.parseLong(khz.get()) / 1000;
            if (cpuinfoMhz != null) return Math.round(Double.parseDouble(cpuinfoMhz));
        } catch (NumberFormatException ignored) {
            // reported as unknown
        }
        return 0;
    }

    /** The JVM's {@code os.arch} in uname's words, which nym-node reports. */
    private static String unameArch(String javaArch) {
        return switch (javaArch) {
            case "amd64" -> "x86_64";
            case "x86" -> "i686";
            default -> javaArch;
        };
    }
}
