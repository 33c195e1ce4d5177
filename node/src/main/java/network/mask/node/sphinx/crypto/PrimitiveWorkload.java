package network.mask.node.sphinx.crypto;

import java.util.SplittableRandom;

/**
 * One primitive doing the work it does in a regular-size hop, on one fresh instance: the
 * start-up measurement and {@code masknode bench} time these. Each run feeds its output back
 * into its input, so the JIT cannot drop the work.
 */
public final class PrimitiveWorkload {

    /** Hop-sized inputs: beta is 300 B, its keystream 360 B, a Lioness half 2033 B, the HKDF info 97 B. */
    private static final int ROUTING_INFO = 300;
    private static final int KEYSTREAM = 360;
    private static final int LIONESS_RIGHT = 2033;
    private static final int HKDF_OUTPUT = 288;
    private static final int HKDF_INFO = 97;
    /** A Noise message holding one regular packet in its frame: 2413 bytes. */
    private static final int NOISE_MESSAGE = 2413;

    private final Runnable op;

    private PrimitiveWorkload(Runnable op) {
        this.op = op;
    }

    /** A workload for {@code provider}'s {@code primitive}; the provider must be usable for it. */
    public static PrimitiveWorkload of(CryptoProvider provider, Primitive primitive) {
        SplittableRandom random = new SplittableRandom(primitive.ordinal());
        byte[] key = new byte[64];
        byte[] data = new byte[LIONESS_RIGHT];
        byte[] out = new byte[HKDF_OUTPUT];
        random.nextBytes(key);
        random.nextBytes(data);
        return new PrimitiveWorkload(switch (primitive) {
            case X25519_DH -> {
                X25519 x = provider.x25519();
                byte[] point = {9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
                // Same scalar, new point every time: the node key against packet alphas.
                yield () -> {
                    x.scalarMult(key, 0, point, 0, out, 0);
                    System.arraycopy(out, 0, point, 0, 32);
                };
            }
            case X25519_BLIND -> {
                X25519 x = provider.x25519();
                byte[] point = {9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
                byte[] scalar = key.clone();
                // New scalar every time: blinding factors.
                yield () -> {
                    x.scalarMult(scalar, 0, point, 0, out, 0);
                    System.arraycopy(out, 0, scalar, 0, 32);
                };
            }
            case HKDF -> {
                HkdfSha256 kdf = provider.hkdf(new byte[0], java.util.Arrays.copyOf(data, HKDF_INFO));
                yield () -> kdf.derive(out, 0, 32, out, 0, HKDF_OUTPUT);
            }
            case AES_CTR -> {
                AesCtr aes = provider.aesCtr();
                yield () -> {
                    aes.xor(data, 0, data, 16, KEYSTREAM);
                    data[0]++;
                };
            }
            case HMAC -> {
                HmacSha256 hmac = provider.hmac();
                yield () -> hmac.mac(out, 0, 16, data, 0, ROUTING_INFO, out, 0);
            }
            case CHACHA20 -> {
                ChaCha20 chacha = provider.chacha20();
                yield () -> {
                    chacha.xor(key, 0, data, 0, LIONESS_RIGHT);
                    key[0]++;
                };
            }
            case AES_GCM -> {
                // One regular packet's Noise message per call (a busy link gathers several), a new nonce each time.
                AesGcm gcm = provider.aesGcm();
                byte[] gcmKey = java.util.Arrays.copyOf(key, AesGcm.KEY_LENGTH);
                byte[] nonce = new byte[AesGcm.NONCE_LENGTH];
                byte[] plain = java.util.Arrays.copyOf(data, NOISE_MESSAGE);
                byte[] sealed = new byte[NOISE_MESSAGE + AesGcm.TAG_LENGTH];
                byte[] none = new byte[0];
                yield () -> {
                    nonce[0]++;
                    if (nonce[0] == 0) nonce[1]++;
                    gcm.seal(gcmKey, nonce, none, plain, 0, NOISE_MESSAGE, sealed, 0);
                    plain[0] = sealed[NOISE_MESSAGE];
                };
            }
            case BLAKE2B -> {
                Blake2bMac blake = provider.blake2b();
                yield () -> blake.mac(key, 0, data, 0, LIONESS_RIGHT, data, 0);
            }
        });
    }

    /** Runs the operation {@code times} times. */
    public void run(long times) {
        for (long i = 0; i < times; i++) op.run();
    }

    /**
     * Runs {@code calls} operations, or for {@code capNanos} if that comes first: long enough for
     * HotSpot to compile the hot paths (and switch on its intrinsics) before anything is timed.
     */
    public void warmUp(long calls, long capNanos) {
        long deadline = System.nanoTime() + capNanos;
        for (long done = 0; done < calls && System.nanoTime() < deadline; done += 64) run(64);
    }

    /** Runs for about {@code nanos} of this thread's CPU time and returns the rate in operations per CPU second. */
    public double measure(long nanos) {
        return Throughput.perCpuSecond(this::run, nanos);
    }
}
