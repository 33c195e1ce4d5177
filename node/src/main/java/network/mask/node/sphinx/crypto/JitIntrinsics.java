package network.mask.node.sphinx.crypto;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Whether HotSpot runs a JCA primitive on a CPU intrinsic. A start-up measurement cannot see
 * this reliably: the intrinsics live in C2-compiled code, which a busy two-core board may not
 * have produced within the measurement's few milliseconds.
 */
final class JitIntrinsics {

    private JitIntrinsics() {}

    /**
     * The JDK's implementation of {@code primitive} is intrinsic-backed on this JVM and CPU. The
     * per-intrinsic flags are diagnostic (invisible without -XX:+UnlockDiagnosticVMOptions), so
     * this reads the product flags they follow: UseAES (AES-NI / ARMv8 AES), UseSHA (SHA-NI /
     * ARMv8 SHA2) and, on x86-64, UseAVX for ChaCha20.
     */
    static boolean accelerates(Primitive primitive) {
        return switch (primitive) {
            case AES_CTR, AES_GCM -> "true".equals(option("UseAES"));
            case HMAC, HKDF -> "true".equals(option("UseSHA"));
            // On aarch64 the ChaCha20 intrinsic is worth only about +8 %: measure there.
            case CHACHA20 -> "amd64".equals(System.getProperty("os.arch")) && !"0".equals(option("UseAVX"))
                    && option("UseAVX") != null;
            default -> false;
        };
    }

    static String option(String flag) {
        try {
            HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return bean == null ? null : bean.getVMOption(flag).getValue();
        } catch (RuntimeException | LinkageError notHotSpot) {
            return null; // another JVM, an unknown flag, or a runtime without jdk.management: measure instead
        }
    }
}
