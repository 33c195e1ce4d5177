package network.mask.node.sphinx.crypto.jca;

import javax.crypto.Mac;
import network.mask.node.sphinx.crypto.HmacSha256;

final class JcaHmac implements HmacSha256 {

    private final Mac mac = JcaProvider.mac("HmacSHA256");

    @Override
    public void mac(byte[] key, int keyOff, int keyLen, byte[] data, int off, int len, byte[] out, int outOff) {
        JcaHkdf.init(mac, key, keyOff, keyLen);
        mac.update(data, off, len);
        JcaHkdf.doFinal(mac, out, outOff);
    }
}
