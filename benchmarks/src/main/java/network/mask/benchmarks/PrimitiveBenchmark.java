package network.mask.benchmarks;

import java.util.concurrent.TimeUnit;
import network.mask.node.sphinx.crypto.CryptoProvider;
import network.mask.node.sphinx.crypto.CryptoProviders;
import network.mask.node.sphinx.crypto.Primitive;
import network.mask.node.sphinx.crypto.PrimitiveWorkload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Each primitive of each provider on the input a regular-size hop gives it (the same workloads
 * the start-up selection times): X25519 with a fixed and with a changing scalar, HKDF to 288 B,
 * AES-CTR over 360 B, HMAC over 300 B, ChaCha20 and BLAKE2b over 2033 B. Pairs a provider does
 * not implement, or cannot load, are skipped at setup.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class PrimitiveBenchmark {

    @Param({"x25519-dh", "x25519-blind", "hkdf", "aes-ctr", "hmac", "chacha20", "blake2b", "aes-gcm"})
    public String primitive;

    @Param({"bc", "jca", "sodium", "openssl"})
    public String provider;

    private PrimitiveWorkload workload;

    @Setup
    public void setUp(BenchmarkParams params) {
        CryptoProvider p = CryptoProviders.byName(provider);
        Primitive prim = Primitive.fromKey(primitive);
        if (!CryptoProviders.usable(p, prim)) {
            throw new IllegalStateException("skipped: " + provider + " has no usable " + primitive);
        }
        workload = PrimitiveWorkload.of(p, prim);
    }

    @Benchmark
    public void operation() {
        workload.run(1);
    }
}
