package network.mask.node.sphinx.crypto.jca;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.ChaCha20ParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import network.mask.node.sphinx.crypto.ChaCha20;

/**
 * SunJCE's RFC 8439 ChaCha20 with a 12-byte zero nonce. DECRYPT_MODE on purpose: in
 * ENCRYPT_MODE SunJCE refuses a second init with the same key and nonce, which Lioness can
 * legitimately need; for a stream cipher both modes do the same.
 */
final class JcaChaCha20 implements ChaCha20 {

    private static final ChaCha20ParameterSpec ZERO_NONCE = new ChaCha20ParameterSpec(new byte[12], 0);
    private final Cipher cipher = JcaProvider.cipher("ChaCha20");

    @Override
    public void xor(byte[] key, int keyOff, byte[] data, int off, int len) {
        try {
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, keyOff, KEY_LENGTH, "ChaCha20"), ZERO_NONCE);
            cipher.doFinal(data, off, len, data, off);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20 failed", e);
        }
    }
}
