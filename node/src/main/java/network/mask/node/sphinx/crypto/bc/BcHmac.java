package network.mask.node.sphinx.crypto.bc;

import network.mask.node.sphinx.crypto.HmacSha256;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

final class BcHmac implements HmacSha256 {

    private final HMac hmac = new HMac(SHA256Digest.newInstance());

    @Override
    public void mac(byte[] key, int keyOff, int keyLen, byte[] data, int off, int len, byte[] out, int outOff) {
        hmac.init(new KeyParameter(key, keyOff, keyLen));
        hmac.update(data, off, len);
        hmac.doFinal(out, outOff);
    }
}
