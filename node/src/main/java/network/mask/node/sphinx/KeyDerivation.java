package network.mask.node.sphinx;

import java.nio.charset.StandardCharsets;
import network.mask.node.sphinx.crypto.HkdfSha256;
import network.mask.node.sphinx.crypto.SphinxCrypto;

/**
 * The two HKDFs of sphinx-packet 0.6.0 (spec §2, §5): the 288-byte per-hop expansion of the
 * X25519 shared secret, and the v259 payload key from a 16-byte seed. Public for vector
 * checks and tests, which need the intermediate keys. Not thread-safe.
 */
public final class KeyDerivation {

    private static final byte[] HOP_INFO = SphinxConstants.HOP_KDF_INFO.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PAYLOAD_SALT = SphinxConstants.PAYLOAD_KDF_SALT.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PAYLOAD_INFO = SphinxConstants.PAYLOAD_KDF_INFO.getBytes(StandardCharsets.US_ASCII);

    /** Offsets into the 288-byte expansion; the order is load-bearing upstream. */
    public static final int STREAM_KEY = 0;
    public static final int MAC_KEY = 16;
    public static final int PAYLOAD_KEY = 32;
    public static final int BLINDING_FACTOR = 224;
    public static final int REPLAY_TAG = 256;
    public static final int OKM_LENGTH = SphinxConstants.EXPANDED_SHARED_SECRET_LENGTH;
    public static final int MAC_KEY_LENGTH = 16;
    public static final int SEED_LENGTH = 16;

    private final HkdfSha256 hop;
    private final HkdfSha256 payload;

    public KeyDerivation(SphinxCrypto crypto) {
        hop = crypto.newHkdf(new byte[0], HOP_INFO);
        payload = crypto.newHkdf(PAYLOAD_SALT, PAYLOAD_INFO);
    }

    /** {@code okm[0..288) = HKDF(salt "", sharedSecret, HOP_INFO)}. */
    public void expand(byte[] sharedSecret, byte[] okm) {
        hop.derive(sharedSecret, 0, 32, okm, 0, OKM_LENGTH);
    }

    /** Versions 1, 257 and 258 use {@code okm[32..224)} itself as the Lioness key; all others derive it from a seed. */
    public static boolean usesRawPayloadKey(int version) {
        return version == 1 || version == 257 || version == SphinxConstants.VERSION_EXPLICIT_PAYLOAD_KEYS;
    }

    /** {@code out[0..192) = HKDF(PAYLOAD_SALT, okm[32..48), PAYLOAD_INFO)}. */
    public void derivePayloadKey(byte[] okm, byte[] out) {
        payload.derive(okm, PAYLOAD_KEY, SEED_LENGTH, out, 0, Lioness.KEY_LENGTH);
    }
}
