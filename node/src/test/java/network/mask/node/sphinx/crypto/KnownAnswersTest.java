package network.mask.node.sphinx.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import network.mask.node.sphinx.Backends;
import network.mask.node.sphinx.crypto.bc.BcProvider;
import org.junit.jupiter.api.Test;

class KnownAnswersTest {

    @Test
    void everyRealProviderPassesEveryPrimitiveItImplements() {
        for (CryptoProvider provider : Backends.providers()) {
            for (Primitive primitive : provider.primitives()) {
                assertEquals(Optional.empty(), KnownAnswers.check(provider, primitive), provider.name() + " " + primitive.key());
            }
        }
    }

    @Test
    void anX25519ThatAcceptsLowOrderPointsFails() {
        CryptoProvider lax = new Fake("lax-x25519", () -> (k, kOff, u, uOff, out, outOff) -> {
            BcProvider.INSTANCE.x25519().scalarMult(k, kOff, u, uOff, out, outOff);
            return true; // forgets to report the all-zero result
        });
        Optional<String> failure = KnownAnswers.check(lax, Primitive.X25519_DH);
        assertTrue(failure.orElseThrow().contains("low-order"), failure.get());
    }

    @Test
    void anX25519ThatDoesNotMaskTheTopBitFails() {
        CryptoProvider unmasked = new Fake("unmasked-x25519", () -> (k, kOff, u, uOff, out, outOff) -> {
            if ((u[uOff + 31] & 0x80) != 0) {
                java.util.Arrays.fill(out, outOff, outOff + 32, (byte) 1);
                return true;
            }
            return BcProvider.INSTANCE.x25519().scalarMult(k, kOff, u, uOff, out, outOff);
        });
        assertFalse(KnownAnswers.check(unmasked, Primitive.X25519_BLIND).isEmpty());
    }

    @Test
    void aProviderThatThrowsFailsInsteadOfPropagating() {
        CryptoProvider broken = new Fake("broken", () -> (k, kOff, u, uOff, out, outOff) -> {
            throw new IllegalStateException("native call failed");
        });
        assertTrue(KnownAnswers.check(broken, Primitive.X25519_DH).orElseThrow().contains("native call failed"));
    }

    @Test
    void anUnimplementedPrimitiveFails() {
        assertTrue(KnownAnswers.check(new Fake("x-only", BcProvider.INSTANCE::x25519), Primitive.BLAKE2B).isPresent());
    }

    @Test
    void anAesGcmThatIgnoresTheAdditionalDataFails() {
        CryptoProvider noAd = new FakeGcm("no-ad", () -> new AesGcm() {
            final AesGcm real = BcProvider.INSTANCE.aesGcm();

            @Override
            public int seal(byte[] key, byte[] nonce, byte[] ad, byte[] in, int inOff, int len, byte[] out, int outOff) {
                return real.seal(key, nonce, new byte[0], in, inOff, len, out, outOff);
            }

            @Override
            public int open(byte[] key, byte[] nonce, byte[] ad, byte[] in, int inOff, int len, byte[] out, int outOff) {
                return real.open(key, nonce, new byte[0], in, inOff, len, out, outOff);
            }
        });
        String failure = KnownAnswers.check(noAd, Primitive.AES_GCM).orElseThrow();
        assertTrue(failure.contains("differs from BouncyCastle"), failure);
    }

    @Test
    void anAesGcmThatDoesNotCheckTheTagFails() {
        CryptoProvider trusting = new FakeGcm("trusting", () -> new AesGcm() {
            final AesGcm real = BcProvider.INSTANCE.aesGcm();

            @Override
            public int seal(byte[] key, byte[] nonce, byte[] ad, byte[] in, int inOff, int len, byte[] out, int outOff) {
                return real.seal(key, nonce, ad, in, inOff, len, out, outOff);
            }

            @Override
            public int open(byte[] key, byte[] nonce, byte[] ad, byte[] in, int inOff, int len, byte[] out, int outOff) {
                // Decrypts by re-encrypting the ciphertext with CTR's symmetry, never looking at the tag.
                byte[] sealed = new byte[len];
                BcProvider.INSTANCE.aesGcm().seal(key, nonce, ad, in, inOff, len - TAG_LENGTH, sealed, 0);
                System.arraycopy(sealed, 0, out, outOff, len - TAG_LENGTH);
                return len - TAG_LENGTH;
            }
        });
        String failure = KnownAnswers.check(trusting, Primitive.AES_GCM).orElseThrow();
        assertTrue(failure.contains("accepted a changed message"), failure);
    }

    private record FakeGcm(String name, java.util.function.Supplier<AesGcm> factory) implements CryptoProvider {
        @Override
        public Set<Primitive> primitives() {
            return EnumSet.of(Primitive.AES_GCM);
        }

        @Override
        public AesGcm aesGcm() {
            return factory.get();
        }
    }

    /** A test double of our own provider interface, implementing only X25519. */
    private record Fake(String name, java.util.function.Supplier<X25519> factory) implements CryptoProvider {
        @Override
        public Set<Primitive> primitives() {
            return EnumSet.of(Primitive.X25519_DH, Primitive.X25519_BLIND);
        }

        @Override
        public X25519 x25519() {
            return factory.get();
        }
    }
}
