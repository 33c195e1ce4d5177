package network.mask.node.sphinx.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A Raspberry Pi 4's CPU has no AES or carry-less multiply instructions. Every AES backend (GCM for Noise,
 * CTR for Sphinx headers) must
 * still pass its known answers there, on the code it then runs: a JVM with HotSpot's AES and GHASH
 * intrinsics off (the JDK's table-driven Java AES) and libcrypto told the CPU has none of them
 * ({@code OPENSSL_ia32cap} masks AES-NI and PCLMULQDQ on x86; {@code OPENSSL_armcap=1} leaves only NEON
 * on arm64), so that it takes its vector-permute AES and its table-free GHASH, as on a Pi 4.
 */
class NoAesInstructionsTest {

    /** Runs in the child JVM: the known answers of every AES-GCM backend, and whether HotSpot's AES is off. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            StringBuilder out = new StringBuilder();
            for (Primitive primitive : List.of(Primitive.AES_GCM, Primitive.AES_CTR)) {
                for (String name : List.of("bc", "jca", "openssl")) {
                    out.append(primitive.key()).append(' ').append(name).append('=')
                            .append(KnownAnswers.check(CryptoProviders.byName(name), primitive).orElse("pass")).append(';');
                }
            }
            out.append("UseAES=").append(JitIntrinsics.option("UseAES"));
            System.out.print(out);
        }
    }

    @Test
    void everyAesGcmBackendPassesWithoutAesInstructions() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-XX:+UnlockDiagnosticVMOptions", "-XX:-UseAES", "-XX:-UseAESIntrinsics", "-XX:-UseAESCTRIntrinsics",
                "-XX:-UseGHASHIntrinsics", "-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("OPENSSL_ia32cap", "~0x200000200000000");   // bit 57 AES-NI, bit 33 PCLMULQDQ
        pb.environment().put("OPENSSL_armcap", "1");                     // NEON only: no AES, no PMULL
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals("aes-gcm bc=pass;aes-gcm jca=pass;aes-gcm openssl=pass;"
                + "aes-ctr bc=pass;aes-ctr jca=pass;aes-ctr openssl=pass;UseAES=false", out);
    }
}
