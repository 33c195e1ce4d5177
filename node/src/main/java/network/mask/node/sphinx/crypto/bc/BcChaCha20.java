package network.mask.node.sphinx.crypto.bc;

import network.mask.node.sphinx.crypto.ChaCha20;
import org.bouncycastle.crypto.engines.ChaChaEngine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/** The original DJB layout (8-byte nonce, 64-bit counter), exactly what Lioness 0.1.2 uses. */
final class BcChaCha20 implements ChaCha20 {

    private static final byte[] ZERO_NONCE = new byte[8];
    private final ChaChaEngine engine = new ChaChaEngine(20);

    @Override
    public void xor(byte[] key, int keyOff, byte[] data, int off, int len) {
        engine.init(true, new ParametersWithIV(new KeyParameter(key, keyOff, KEY_LENGTH), ZERO_NONCE));
        engine.processBytes(data, off, len, data, off);
    }
}
