package network.mask.node.sphinx.crypto.jca;

import java.security.InvalidKeyException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import network.mask.node.sphinx.crypto.HkdfSha256;

/**
 * RFC 5869 on two reused {@link Mac}s: the extract MAC is keyed with the fixed salt once, so
 * only the expand MAC is re-keyed per call. Faster than {@code javax.crypto.KDF} on HotSpot.
 */
final class JcaHkdf implements HkdfSha256 {

    private static final String HMAC = "HmacSHA256";
    private static final int HASH = 32;

    private final Mac extract = JcaProvider.mac(HMAC);
    private final Mac expand = JcaProvider.mac(HMAC);
    private final byte[] info;
    private final byte[] prk = new byte[HASH];
    private final byte[] block = new byte[HASH];

    JcaHkdf(byte[] salt, byte[] info) {
        this.info = info.clone();
        // HMAC zero-pads its key to the block size, so an empty salt is the same as 32 zero bytes
        // (and SecretKeySpec refuses empty keys).
        byte[] key = salt.length == 0 ? new byte[HASH] : salt;
        init(extract, key, 0, key.length);
    }

    @Override
    public void derive(byte[] ikm, int ikmOff, int ikmLen, byte[] out, int outOff, int len) {
        if (len < 0 || len > 255 * HASH) throw new IllegalArgumentException("HKDF length " + len);
        extract.update(ikm, ikmOff, ikmLen);
        doFinal(extract, prk, 0);
        init(expand, prk, 0, HASH);
        int done = 0;
        for (int counter = 1; done < len; counter++) {
            if (counter > 1) expand.update(block, 0, HASH);
            expand.update(info);
            expand.update((byte) counter);
            doFinal(expand, block, 0);
            int take = Math.min(HASH, len - done);
            System.arraycopy(block, 0, out, outOff + done, take);
            done += take;
        }
    }

    static void init(Mac mac, byte[] key, int off, int len) {
        try {
            mac.init(new SecretKeySpec(key, off, len, HMAC));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HMAC refused a key", e);
        }
    }

    static void doFinal(Mac mac, byte[] out, int off) {
        try {
            mac.doFinal(out, off);
        } catch (javax.crypto.ShortBufferException e) {
            throw new IllegalStateException("HMAC output buffer", e);
        }
    }
}
