package network.mask.node.sphinx.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpuFeaturesTest {

    /** A 64-bit little-endian auxv: (type, value) pairs ending in AT_NULL. */
    private static byte[] auxv(long... pairs) {
        ByteBuffer out = ByteBuffer.allocate(pairs.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long word : pairs) out.putLong(word);
        return out.array();
    }

    @Test
    void aPi5LikeHwcapNamesItsCryptoExtensions() {
        // AT_PAGESZ first, then AT_HWCAP with fp|asimd|aes|pmull|sha1|sha2|crc32|atomics (0x1fb).
        byte[] dump = auxv(6, 4096, 16, 0x1fbL, 0, 0);
        assertEquals(List.of("asimd", "aes", "pmull", "sha1", "sha2", "crc32", "atomics"), CpuFeatures.arm64Features(dump));
    }

    @Test
    void aPi4LikeHwcapHasNoAesOrSha() {
        // Cortex-A72 in the BCM2711: fp, asimd, evtstrm, crc32, cpuid; no crypto extensions.
        byte[] dump = auxv(16, 0b1000_1000_0111L, 0, 0);
        assertEquals(List.of("asimd", "crc32"), CpuFeatures.arm64Features(dump));
    }

    @Test
    void anAuxvWithoutHwcapGivesNothing() {
        assertEquals(List.of(), CpuFeatures.arm64Features(auxv(6, 4096, 0, 0, 16, 0x1fbL)));
        assertEquals(List.of(), CpuFeatures.arm64Features(new byte[7]));
    }

    @Test
    void x86FlagsAreFilteredToTheCryptoOnes() {
        String cpuinfo = """
                processor	: 0
                flags		: fpu vme sse2 pclmulqdq ssse3 aes avx avx2 bmi2 adx sha_ni
                processor	: 1
                flags		: fpu
                """;
        assertEquals(List.of("pclmulqdq", "aes", "avx", "avx2", "bmi2", "adx", "sha_ni"), CpuFeatures.x86Features(cpuinfo));
        assertEquals(List.of(), CpuFeatures.x86Features("processor : 0\n"));
    }

    @Test
    void thisMachineIsDescribedWithHotSpotsView() {
        CpuFeatures here = CpuFeatures.detect();
        assertEquals(System.getProperty("os.arch"), here.arch());
        assertTrue(here.jvmFlags().containsKey("UseAES"), here.describe());
        assertTrue(here.describe().startsWith("cpu: " + here.arch() + ", "), here.describe());
        assertTrue(here.describe().contains("; jvm UseAES="), here.describe());
    }
}
