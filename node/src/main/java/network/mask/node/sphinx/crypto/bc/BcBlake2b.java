package network.mask.node.sphinx.crypto.bc;

import java.util.Arrays;
import network.mask.node.sphinx.crypto.Blake2bMac;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/** {@code Blake2bDigest(key, 32, ...)}: the output length goes into the parameter block, as Lioness needs. */
final class BcBlake2b implements Blake2bMac {

    @Override
    public void mac(byte[] key, int keyOff, byte[] data, int off, int len, byte[] out, int outOff) {
        // The digest has no re-key call, and the key changes with every packet.
        Blake2bDigest digest = new Blake2bDigest(Arrays.copyOfRange(key, keyOff, keyOff + KEY_LENGTH), LENGTH, null, null);
        digest.update(data, off, len);
        digest.doFinal(out, outOff);
    }
}
