package network.mask.node.update.release;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Makes minisign signature files (prehashed {@code ED}, minisign's default), which
 * {@code minisign -V} and {@link network.mask.node.update.MinisignVerifier} accept.
 */
public final class MinisignSigner {

    private MinisignSigner() {}

    public static String sign(MinisignSecretKey key, byte[] message, String trustedComment) {
        if (trustedComment.contains("\n") || trustedComment.contains("\r")) {
            throw new IllegalArgumentException("a trusted comment is one line");
        }
        Blake2bDigest digest = new Blake2bDigest(512);
        digest.update(message, 0, message.length);
        byte[] hash = new byte[64];
        digest.doFinal(hash, 0);
        byte[] signature = ed25519(key, hash);
        byte[] trusted = trustedComment.getBytes(StandardCharsets.UTF_8);
        byte[] global = new byte[64 + trusted.length];
        System.arraycopy(signature, 0, global, 0, 64);
        System.arraycopy(trusted, 0, global, 64, trusted.length);
        byte[] line = new byte[74];
        line[0] = 'E';
        line[1] = 'D';
        System.arraycopy(key.keyId(), 0, line, 2, 8);
        System.arraycopy(signature, 0, line, 10, 64);
        Base64.Encoder b64 = Base64.getEncoder();
        return "untrusted comment: signature from minisign secret key " + key.publicKey().keyIdHex() + "\n"
                + b64.encodeToString(line) + "\n"
                + "trusted comment: " + trustedComment + "\n"
                + b64.encodeToString(ed25519(key, global)) + "\n";
    }

    private static byte[] ed25519(MinisignSecretKey key, byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key.signingKey());
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }
}
