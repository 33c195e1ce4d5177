package network.mask.node.sphinx.crypto.jca;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import network.mask.node.sphinx.crypto.AesGcm;

/**
 * SunJCE's AES/GCM: on AES-NI or ARMv8 AES with carry-less multiply, HotSpot's intrinsics make it
 * fast once C2 has compiled it; without them it is a table-driven pure-Java AES. It checks the tag in
 * constant time and writes no plaintext when the tag is wrong.
 */
final class JcaAesGcm implements AesGcm {

    private final Cipher cipher = JcaProvider.cipher("AES/GCM/NoPadding");
    /** The last key and its spec: a link uses one key for every message, so its spec is made once. */
    private final byte[] lastKey = new byte[KEY_LENGTH];
    private SecretKeySpec spec;

    @Override
    public int seal(byte[] key, byte[] nonce, byte[] ad, byte[] in, int inOff, int len, byte[] out, int outOff) {
        try {
            init(Cipher.ENCRYPT_MODE, key, nonce, ad);
            return cipher.doFinal(in, inOff, len, out, outOff);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    @Override
    public int open(byte[] key, byte[] nonce, byte[] ad, byte[] in, int inOff, int len, byte[] out, int outOff) {
        try {
            init(Cipher.DECRYPT_MODE, key, nonce, ad);
            return cipher.doFinal(in, inOff, len, out, outOff);
        } catch (AEADBadTagException e) {
            return -1;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    private void init(int mode, byte[] key, byte[] nonce, byte[] ad) throws GeneralSecurityException {
        if (spec == null || !Arrays.equals(key, 0, KEY_LENGTH, lastKey, 0, KEY_LENGTH)) {
            spec = new SecretKeySpec(key, 0, KEY_LENGTH, "AES");
            System.arraycopy(key, 0, lastKey, 0, KEY_LENGTH);
        }
        cipher.init(mode, spec, new GCMParameterSpec(TAG_LENGTH * 8, nonce, 0, NONCE_LENGTH));
        if (ad.length > 0) cipher.updateAAD(ad);
    }
}
