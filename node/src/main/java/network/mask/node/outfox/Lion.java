package network.mask.node.outfox;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.Blake3Digest;
import org.bouncycastle.crypto.engines.XChaCha20Engine;
import org.bouncycastle.crypto.params.Blake3Parameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * Outfox's Lion wide-block transform ({@code nym-outfox/src/lion.rs}): the message is split into a
 * 24-byte left part and the rest; three rounds use sub-keys BLAKE3-derived from the layer key
 * with contexts "LIONKEYS1", "LIONKEYS2", "LIONKEYS3": XChaCha20 keyed by a sub-key with the left
 * part as nonce over the right part, then the left part XORed with the keyed BLAKE3 of the right
 * part, then XChaCha20 again. Decryption runs the sub-keys 3, 2, 1. Not thread-safe (scratch state).
 */
public final class Lion {

    static final int LEFT = 24;
    private static final byte[][] CONTEXTS = {context(1), context(2), context(3)};

    private final XChaCha20Engine stream = new XChaCha20Engine();
    private final Blake3Digest blake3 = new Blake3Digest(256);
    private final byte[] subKey = new byte[32];
    private final byte[] mac = new byte[32];
    private final byte[] nonce = new byte[LEFT];

    public void encrypt(byte[] message, int offset, int length, byte[] key) {
        transform(message, offset, length, key, 0, 1, 2);
    }

    public void decrypt(byte[] message, int offset, int length, byte[] key) {
        transform(message, offset, length, key, 2, 1, 0);
    }

    private void transform(byte[] m, int off, int len, byte[] key, int k1, int k2, int k3) {
        if (key.length != 32) throw new IllegalArgumentException("Lion key must be 32 bytes");
        if (len < OutfoxLayout.MIN_PAYLOAD) throw new IllegalArgumentException("Lion needs at least 48 bytes");
        try {
            streamRound(m, off, len, key, k1);
            derive(key, k2);
            blake3.init(Blake3Parameters.key(subKey));
            blake3.update(m, off + LEFT, len - LEFT);
            blake3.doFinal(mac, 0);
            for (int i = 0; i < LEFT; i++) m[off + i] ^= mac[i];
            streamRound(m, off, len, key, k3);
        } finally {
            Arrays.fill(subKey, (byte) 0);
            Arrays.fill(mac, (byte) 0);
        }
    }

    private void streamRound(byte[] m, int off, int len, byte[] key, int k) {
        derive(key, k);
        System.arraycopy(m, off, nonce, 0, LEFT);
        stream.init(true, new ParametersWithIV(new KeyParameter(subKey), nonce));
        stream.processBytes(m, off + LEFT, len - LEFT, m, off + LEFT);
    }

    /** BLAKE3 in derive-key mode: context string, then the key material. */
    private void derive(byte[] key, int k) {
        blake3.init(Blake3Parameters.context(CONTEXTS[k]));
        blake3.update(key, 0, key.length);
        blake3.doFinal(subKey, 0);
    }

    private static byte[] context(int n) {
        return ("LIONKEYS" + n).getBytes(StandardCharsets.US_ASCII);
    }
}
