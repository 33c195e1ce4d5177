package network.mask.node.sphinx.crypto.bc;

import network.mask.node.sphinx.crypto.AesCtr;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.CTRModeCipher;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

final class BcAesCtr implements AesCtr {

    private static final byte[] ZERO_IV = new byte[16];
    private final CTRModeCipher cipher = SICBlockCipher.newInstance(AESEngine.newInstance());

    @Override
    public void xor(byte[] key, int keyOff, byte[] data, int off, int len) {
        cipher.init(true, new ParametersWithIV(new KeyParameter(key, keyOff, KEY_LENGTH), ZERO_IV));
        cipher.processBytes(data, off, len, data, off);
    }
}
