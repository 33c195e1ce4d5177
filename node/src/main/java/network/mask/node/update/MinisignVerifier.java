package network.mask.node.update;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Verifies a minisign signature file (https://jedisct1.github.io/minisign/, "Signature format"):
 * <pre>
 * untrusted comment: ...
 * base64(algorithm "Ed" | "ED" ‖ key id (8) ‖ Ed25519 signature (64))
 * trusted comment: ...
 * base64(Ed25519 signature over (signature ‖ trusted comment text))
 * </pre>
 * {@code Ed} signs the message itself, {@code ED} (minisign's default since 0.10) its BLAKE2b-512
 * hash. Both signatures must hold, so the trusted comment cannot be swapped either.
 */
public final class MinisignVerifier {

    private MinisignVerifier() {}

    /** The verified trusted comment; throws unless {@code message} is signed by {@code key}. */
    public static String verify(MinisignPublicKey key, byte[] message, String signatureFile) throws UpdateException {
        Parsed sig = parse(signatureFile);
        if (!MessageDigest.isEqual(sig.keyId, key.keyId())) {
            throw new UpdateException(UpdateError.UNKNOWN_KEY, "signed by key " + hexLe(sig.keyId) + ", this box trusts " + key.keyIdHex());
        }
        byte[] signed = sig.prehashed ? blake2b512(message) : message;
        if (!ed25519(key, signed, sig.signature)) {
            throw new UpdateException(UpdateError.BAD_SIGNATURE, "the signature does not match the content");
        }
        byte[] trusted = sig.trustedComment.getBytes(StandardCharsets.UTF_8);
        byte[] global = new byte[64 + trusted.length];
        System.arraycopy(sig.signature, 0, global, 0, 64);
        System.arraycopy(trusted, 0, global, 64, trusted.length);
        if (!ed25519(key, global, sig.globalSignature)) {
            throw new UpdateException(UpdateError.BAD_SIGNATURE, "the trusted comment's signature does not match");
        }
        return sig.trustedComment;
    }

    static byte[] blake2b512(byte[] message) {
        Blake2bDigest digest = new Blake2bDigest(512);
        digest.update(message, 0, message.length);
        byte[] out = new byte[64];
        digest.doFinal(out, 0);
        return out;
    }

    private static boolean ed25519(MinisignPublicKey key, byte[] message, byte[] signature) {
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(key.publicKey(), 0));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    private record Parsed(boolean prehashed, byte[] keyId, byte[] signature, String trustedComment, byte[] globalSignature) {}

    private static Parsed parse(String text) throws UpdateException {
        String[] lines = text.split("\\R");
        if (lines.length < 4 || !lines[0].startsWith("untrusted comment:") || !lines[2].startsWith("trusted comment: ")) {
            throw new UpdateException(UpdateError.BAD_SIGNATURE, "not a minisign signature file");
        }
        byte[] sig = base64(lines[1]);
        byte[] global = base64(lines[3]);
        if (sig.length != 74 || global.length != 64 || sig[0] != 'E' || (sig[1] != 'd' && sig[1] != 'D')) {
            throw new UpdateException(UpdateError.BAD_SIGNATURE, "not a minisign Ed25519 signature");
        }
        return new Parsed(sig[1] == 'D', Arrays.copyOfRange(sig, 2, 10), Arrays.copyOfRange(sig, 10, 74),
                lines[2].substring("trusted comment: ".length()), global);
    }

    private static byte[] base64(String line) throws UpdateException {
        try {
            return Base64.getDecoder().decode(line.strip());
        } catch (IllegalArgumentException e) {
            throw new UpdateException(UpdateError.BAD_SIGNATURE, "the signature is not base64");
        }
    }

    private static String hexLe(byte[] id) {
        StringBuilder b = new StringBuilder();
        for (int i = id.length - 1; i >= 0; i--) b.append(String.format("%02X", id[i]));
        return b.toString();
    }
}
