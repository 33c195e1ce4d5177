package network.mask.node.sphinx.crypto.jca;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;
import network.mask.node.sphinx.crypto.X25519;

/** SunEC's XDH. It clamps the scalar itself and refuses an all-zero result with an exception. */
final class JcaX25519 implements X25519 {

    private final KeyFactory keys;
    private final KeyAgreement agreement;
    private final byte[] bigEndianU = new byte[LENGTH];

    JcaX25519() {
        try {
            keys = KeyFactory.getInstance("XDH");
            agreement = KeyAgreement.getInstance("XDH");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks XDH", e);
        }
    }

    @Override
    public boolean scalarMult(byte[] k, int kOff, byte[] u, int uOff, byte[] out, int outOff) {
        for (int i = 0; i < LENGTH; i++) {
            bigEndianU[i] = u[uOff + LENGTH - 1 - i];
        }
        bigEndianU[0] &= 0x7f; // RFC 7748: the top bit of u is ignored
        try {
            PrivateKey priv = keys.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519,
                    Arrays.copyOfRange(k, kOff, kOff + LENGTH)));
            PublicKey pub = keys.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519,
                    new BigInteger(1, bigEndianU)));
            agreement.init(priv);
            try {
                agreement.doPhase(pub, true);
            } catch (InvalidKeyException smallOrder) {
                return false; // SunEC: "Point has small order" (all-zero result)
            }
            agreement.generateSecret(out, outOff);
            return true;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("XDH refused well-formed input", e);
        }
    }
}
