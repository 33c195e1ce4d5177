package network.mask.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The output contract only; the figures themselves are the benchmark's business, not a test's. */
class BenchCommandTest {

    @Test
    void lastLineIsMachineReadable() {
        CliRun run = CliRun.of("bench", "sphinx", "--seconds", "0.2", "--openssl-seconds", "1");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.lastLine().matches("hop_per_s=[1-9][0-9]* create_per_s=[1-9][0-9]* backend=x25519-dh=\\w+,"
                + "x25519-blind=\\w+,hkdf=\\w+,aes-ctr=\\w+,hmac=\\w+,chacha20=\\w+,blake2b=\\w+,aes-gcm=\\w+"), run.lastLine());
        assertTrue(run.out().contains("all-bc"), run.out());
        assertTrue(run.out().contains("openssl speed ecdhx25519: "), run.out());
        assertTrue(run.out().contains("selected hop rate / native limit = "), run.out());
    }

    @Test
    void opensslOutputIsParsed() {
        String sample = """
                CPUINFO: OPENSSL_ia32cap=0xfffa32034f8bffff:0x1a415f46f1bf2ffb
                                              op      op/s
                 253 bits ecdh (X25519)   0.0000s  38589.3
                """;
        assertEquals(OptionalDouble.of(38589.3), OpensslSpeed.parse(sample));
        assertEquals(OptionalDouble.empty(), OpensslSpeed.parse("openssl: unknown algorithm"));
    }

    @Test
    void usageErrors() {
        assertEquals(2, CliRun.of("bench").exitCode());
        assertEquals(2, CliRun.of("bench", "rsa").exitCode());
        assertEquals(2, CliRun.of("bench", "sphinx", "--seconds", "x").exitCode());
        assertEquals(2, CliRun.of("bench", "sphinx", "--seconds").exitCode());
    }
}
