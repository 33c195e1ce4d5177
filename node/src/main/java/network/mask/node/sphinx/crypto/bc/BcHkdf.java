package network.mask.node.sphinx.crypto.bc;

import java.util.Arrays;
import network.mask.node.sphinx.crypto.HkdfSha256;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/** BouncyCastle's own {@link HKDFBytesGenerator}: independent of our hand-rolled JCA HKDF. */
final class BcHkdf implements HkdfSha256 {

    private final byte[] salt;
    private final byte[] info;
    private final HKDFBytesGenerator generator = new HKDFBytesGenerator(SHA256Digest.newInstance());

    BcHkdf(byte[] salt, byte[] info) {
        this.salt = salt.clone();
        this.info = info.clone();
    }

    @Override
    public void derive(byte[] ikm, int ikmOff, int ikmLen, byte[] out, int outOff, int len) {
        generator.init(new HKDFParameters(Arrays.copyOfRange(ikm, ikmOff, ikmOff + ikmLen), salt, info));
        generator.generateBytes(out, outOff, len);
    }
}
