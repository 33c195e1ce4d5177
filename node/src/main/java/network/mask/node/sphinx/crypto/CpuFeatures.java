package network.mask.node.sphinx.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CPU features that decide how fast Sphinx crypto can run, as the kernel reports them to this
 * process, and what HotSpot made of them. On arm64 the kernel's answer is the AT_HWCAP word of
 * the auxiliary vector ({@code /proc/self/auxv}; under qemu-user this is the emulated CPU's, not
 * the host's, while {@code /proc/cpuinfo} may still show the host). A Raspberry Pi 4's Cortex-A72
 * (BCM2711) has no AES/SHA extensions; a Pi 5's Cortex-A76 has them. On x86-64 the
 * {@code flags} line of {@code /proc/cpuinfo} is used.
 */
public record CpuFeatures(String arch, String source, List<String> features, Map<String, String> jvmFlags) {

    private static final long AT_NULL = 0;
    private static final long AT_HWCAP = 16;

    /** Bits of AT_HWCAP on arm64 (linux arch/arm64/include/uapi/asm/hwcap.h) that matter for crypto. */
    private static final List<Map.Entry<Integer, String>> ARM64_HWCAP = List.of(
            Map.entry(1, "asimd"), Map.entry(3, "aes"), Map.entry(4, "pmull"), Map.entry(5, "sha1"),
            Map.entry(6, "sha2"), Map.entry(7, "crc32"), Map.entry(8, "atomics"), Map.entry(17, "sha3"),
            Map.entry(21, "sha512"), Map.entry(22, "sve"));

    /** x86-64 flags that crypto code dispatches on. */
    private static final Set<String> X86_FLAGS = Set.of(
            "aes", "pclmulqdq", "sha_ni", "avx", "avx2", "bmi2", "adx", "avx512f", "vaes", "vpclmulqdq");

    /** HotSpot product flags that follow the detected features (see {@link JitIntrinsics}). */
    private static final List<String> JVM_FLAGS = List.of("UseAES", "UseSHA", "UseAVX");

    /** What this process runs on; never throws (unreadable sources give an empty feature list). */
    public static CpuFeatures detect() {
        String arch = System.getProperty("os.arch");
        Map<String, String> flags = new LinkedHashMap<>();
        for (String flag : JVM_FLAGS) {
            String value = JitIntrinsics.option(flag);
            if (value != null) flags.put(flag, value);
        }
        try {
            if ("aarch64".equals(arch)) {
                return new CpuFeatures(arch, "AT_HWCAP", arm64Features(Files.readAllBytes(Path.of("/proc/self/auxv"))), flags);
            }
            return new CpuFeatures(arch, "/proc/cpuinfo", x86Features(Files.readString(Path.of("/proc/cpuinfo"))), flags);
        } catch (IOException | RuntimeException unreadable) {
            return new CpuFeatures(arch, "unreadable (" + unreadable.getClass().getSimpleName() + ")", List.of(), flags);
        }
    }

    /** The crypto-relevant names set in the AT_HWCAP entry of a 64-bit little-endian auxv dump. */
    static List<String> arm64Features(byte[] auxv) {
        ByteBuffer entries = ByteBuffer.wrap(auxv).order(ByteOrder.LITTLE_ENDIAN);
        while (entries.remaining() >= 16) {
            long type = entries.getLong();
            long value = entries.getLong();
            if (type == AT_NULL) break;
            if (type == AT_HWCAP) {
                List<String> out = new ArrayList<>();
                for (Map.Entry<Integer, String> bit : ARM64_HWCAP) {
                    if ((value & (1L << bit.getKey())) != 0) out.add(bit.getValue());
                }
                return out;
            }
        }
        return List.of();
    }

    /** The crypto-relevant flags of the first {@code flags} line, in the kernel's order. */
    static List<String> x86Features(String cpuinfo) {
        return cpuinfo.lines().filter(line -> line.startsWith("flags")).findFirst()
                .map(line -> List.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+")).stream()
                        .filter(X86_FLAGS::contains).toList())
                .orElse(List.of());
    }

    /** One line, e.g. {@code cpu: aarch64, AT_HWCAP: asimd aes pmull sha1 sha2; jvm UseAES=true UseSHA=true}. */
    public String describe() {
        StringBuilder line = new StringBuilder("cpu: ").append(arch).append(", ").append(source).append(": ")
                .append(features.isEmpty() ? "(none of the crypto features)" : String.join(" ", features));
        if (!jvmFlags.isEmpty()) {
            line.append("; jvm");
            jvmFlags.forEach((flag, value) -> line.append(' ').append(flag).append('=').append(value));
        }
        return line.toString();
    }
}
