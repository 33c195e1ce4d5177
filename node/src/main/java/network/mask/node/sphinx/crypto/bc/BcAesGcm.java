package network.mask.node.sphinx.crypto.bc;

import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import network.mask.node.sphinx.crypto.AesGcm;

/** BouncyCastle's GCM over its AES engine: the portable reference the others are checked against. */
final class BcAesGcm implements AesGcm {

    private final GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());

    @Override
    public int seal(byte[] key, byte[] nonce, byte[] ad, byte[] in, int inOff, int len, byte[] out, int outOff) {
        gcm.init(true, new AEADParameters(new KeyParameter(key, 0, KEY_LENGTH), TAG_LENGTH * 8, nonce, ad));
        int n = gcm.processBytes(in, inOff, len, out, outOff);
        try {
            return n + gcm.doFinal(out, outOff + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    @Override
    public int open(byte[] key, byte[] nonce, byte[] ad, byte[] in, int inOff, int len, byte[] out, int outOff) {
        gcm.init(false, new AEADParameters(new KeyParameter(key, 0, KEY_LENGTH), TAG_LENGTH * 8, nonce, ad));
        int n = gcm.processBytes(in, inOff, len, out, outOff);
        try {
            return n + gcm.doFinal(out, outOff + n);
        } catch (InvalidCipherTextException e) {
            Arrays.fill(out, outOff, outOff + Math.max(0, len - TAG_LENGTH), (byte) 0);
            return -1;
        }
    }
}
