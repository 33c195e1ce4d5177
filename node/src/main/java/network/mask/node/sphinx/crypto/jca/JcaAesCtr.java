package network.mask.node.sphinx.crypto.jca;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import network.mask.node.sphinx.crypto.AesCtr;

/** SunJCE's 128-bit big-endian counter; with a zero IV and short inputs it equals Nym's Ctr64BE. */
final class JcaAesCtr implements AesCtr {

    private static final IvParameterSpec ZERO_IV = new IvParameterSpec(new byte[16]);
    private final Cipher cipher = JcaProvider.cipher("AES/CTR/NoPadding");

    @Override
    public void xor(byte[] key, int keyOff, byte[] data, int off, int len) {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, keyOff, KEY_LENGTH, "AES"), ZERO_IV);
            cipher.doFinal(data, off, len, data, off);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR failed", e);
        }
    }
}
