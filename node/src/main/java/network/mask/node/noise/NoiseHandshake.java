package network.mask.node.noise;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One {@code Noise_XKpsk3_25519_AESGCM_SHA256} handshake, initiator or responder, as the Noise Protocol
 * Framework (rev. 34) defines it and snow implements it for nym ({@code common/nymnoise/src/stream/mod.rs}):
 *
 * <pre>
 *   &lt;- s
 *   ...
 *   -&gt; e, es
 *   &lt;- e, ee
 *   -&gt; s, se, psk
 * </pre>
 *
 * With a PSK in the pattern every {@code e} token also mixes the ephemeral key into the chaining key
 * (spec section 9.2). The initiator must know the responder's static key; the responder learns the
 * initiator's from message 3. nym sends empty payloads, so its messages are 48, 48 and 64 bytes.
 * Not thread-safe.
 */
public final class NoiseHandshake {

    private static final int DH_LEN = NoiseProtocol.KEY_LENGTH;
    private static final int HASH_LEN = 32;

    private final boolean initiator;
    private final NoiseKeyPair s;
    private final NoiseKeyPair e;
    private final byte[] psk;
    private byte[] rs;
    private byte[] re;
    private byte[] ck;
    private byte[] h;
    private final GcmSource gcm;
    private final CipherState cs;
    private int step;   // 0, 1, 2: the three messages; 3: finished

    private NoiseHandshake(boolean initiator, NoiseKeyPair s, NoiseKeyPair e, byte[] rs, byte[] psk, byte[] prologue,
                           GcmSource gcm) {
        if (psk.length != 32) throw new IllegalArgumentException("a Noise PSK is 32 bytes");
        this.initiator = initiator;
        this.gcm = gcm;
        this.cs = new CipherState(gcm);
        this.s = s;
        this.e = e;
        this.rs = rs == null ? null : rs.clone();
        this.psk = psk.clone();
        // The name is exactly HASHLEN (32) bytes, so it is used as h unhashed (spec 5.2, InitializeSymmetric).
        h = Arrays.copyOf(NoiseProtocol.NAME_BYTES, HASH_LEN);
        ck = h.clone();
        mixHash(prologue);
        mixHash(initiator ? this.rs : s.publicKey());   // pre-message "<- s"
    }

    /** As nym's initiator: the PSK from the responder's key (version 1), no prologue, a fresh ephemeral key. */
    public static NoiseHandshake initiator(NoiseKeyPair localStatic, byte[] responderStatic, SecureRandom random) throws NoiseException {
        return initiator(localStatic, responderStatic, random, GcmSource.PREFERRED);
    }

    /** The same, with the AES-GCM chosen at start. */
    public static NoiseHandshake initiator(NoiseKeyPair localStatic, byte[] responderStatic, SecureRandom random,
                                           GcmSource gcm) throws NoiseException {
        return initiator(localStatic, NoiseKeyPair.generate(random), responderStatic,
                NoiseProtocol.psk(NoiseFrameHeader.VERSION_1, responderStatic), NoiseProtocol.PROLOGUE, gcm);
    }

    /** As nym's responder for the version of the initiator's first frame: the PSK from its own key, no prologue. */
    public static NoiseHandshake responder(NoiseKeyPair localStatic, int version, SecureRandom random) throws NoiseException {
        return responder(localStatic, version, random, GcmSource.PREFERRED);
    }

    /** The same, with the AES-GCM chosen at start. */
    public static NoiseHandshake responder(NoiseKeyPair localStatic, int version, SecureRandom random, GcmSource gcm)
            throws NoiseException {
        return responder(localStatic, NoiseKeyPair.generate(random), NoiseProtocol.psk(version, localStatic.publicKey()),
                NoiseProtocol.PROLOGUE, gcm);
    }

    /** Every input given (test vectors), with the AES-GCM under test. */
    public static NoiseHandshake initiator(NoiseKeyPair localStatic, NoiseKeyPair ephemeral, byte[] responderStatic,
                                           byte[] psk, byte[] prologue, GcmSource gcm) {
        if (responderStatic.length != DH_LEN) throw new IllegalArgumentException("the responder's key must be 32 bytes");
        return new NoiseHandshake(true, localStatic, ephemeral, responderStatic, psk, prologue, gcm);
    }

    /** Every input given (test vectors), with the AES-GCM under test. */
    public static NoiseHandshake responder(NoiseKeyPair localStatic, NoiseKeyPair ephemeral, byte[] psk, byte[] prologue,
                                           GcmSource gcm) {
        return new NoiseHandshake(false, localStatic, ephemeral, null, psk, prologue, gcm);
    }

    public boolean isInitiator() {
        return initiator;
    }

    public boolean isMyTurn() {
        return step < 3 && (step == 1) != initiator;
    }

    public boolean isFinished() {
        return step == 3;
    }

    /** Writes this side's next handshake message around {@code payload} (nym: empty). */
    public byte[] writeMessage(byte[] payload) throws NoiseException {
        if (!isMyTurn()) throw new IllegalStateException("not this side's turn to write (message " + (step + 1) + ")");
        byte[] out;
        switch (step) {
            case 0 -> {   // -> e, es
                byte[] epub = e.publicKey();
                mixHash(epub);
                mixKey(epub);
                mixKey(e.dh(rs));
                out = concat(epub, encryptAndHash(payload));
            }
            case 1 -> {   // <- e, ee
                byte[] epub = e.publicKey();
                mixHash(epub);
                mixKey(epub);
                mixKey(e.dh(re));
                out = concat(epub, encryptAndHash(payload));
            }
            default -> {   // -> s, se, psk
                byte[] encryptedStatic = encryptAndHash(s.publicKey());
                mixKey(s.dh(re));
                mixKeyAndHash(psk);
                out = concat(encryptedStatic, encryptAndHash(payload));
            }
        }
        step++;
        return out;
    }

    /** Reads the peer's next handshake message and returns its payload. */
    public byte[] readMessage(byte[] message) throws NoiseException {
        if (isMyTurn() || isFinished()) throw new IllegalStateException("not this side's turn to read (message " + (step + 1) + ")");
        int min = step == 2 ? DH_LEN + 2 * NoiseProtocol.TAG_LENGTH : DH_LEN + NoiseProtocol.TAG_LENGTH;
        if (message.length < min) {
            throw new NoiseException(NoiseException.Kind.HANDSHAKE_FAILED, "handshake message " + (step + 1) + " has "
                    + message.length + " bytes, at least " + min + " expected");
        }
        byte[] payload;
        try {
            switch (step) {
                case 0, 1 -> {   // -> e, es (responder) / <- e, ee (initiator)
                    re = Arrays.copyOf(message, DH_LEN);
                    mixHash(re);
                    mixKey(re);
                    mixKey(step == 0 ? s.dh(re) : e.dh(re));
                    payload = decryptAndHash(message, DH_LEN, message.length - DH_LEN);
                }
                default -> {   // -> s, se, psk (responder)
                    int sLen = DH_LEN + NoiseProtocol.TAG_LENGTH;
                    rs = decryptAndHash(message, 0, sLen);
                    mixKey(e.dh(rs));
                    mixKeyAndHash(psk);
                    payload = decryptAndHash(message, sLen, message.length - sLen);
                }
            }
        } catch (NoiseException x) {
            if (x.kind() != NoiseException.Kind.DECRYPT_FAILED) throw x;
            throw new NoiseException(NoiseException.Kind.HANDSHAKE_FAILED, "handshake message " + (step + 1)
                    + " does not verify: the peer has another key or PSK for this node", x);
        }
        step++;
        return payload;
    }

    /** The handshake hash (channel binding); the test vectors check it. */
    public byte[] handshakeHash() {
        return h.clone();
    }

    /** The initiator's static key, once message 3 was read (responder) or as given (initiator). */
    public byte[] remoteStatic() {
        return rs == null ? null : rs.clone();
    }

    /** The two transport ciphers (spec Split()): the initiator sends with the first, the responder with the second. */
    public NoiseTransport split() {
        if (!isFinished()) throw new IllegalStateException("the handshake is not finished");
        byte[][] keys = hkdf(ck, new byte[0], 2);
        CipherState first = new CipherState(gcm);
        first.initializeKey(keys[0]);
        CipherState second = new CipherState(gcm);
        second.initializeKey(keys[1]);
        Arrays.fill(keys[0], (byte) 0);
        Arrays.fill(keys[1], (byte) 0);
        return initiator ? new NoiseTransport(first, second) : new NoiseTransport(second, first);
    }

    private void mixHash(byte[] data) {
        MessageDigest sha = NoiseProtocol.sha256();
        sha.update(h);
        sha.update(data);
        h = sha.digest();
    }

    private void mixKey(byte[] ikm) {
        byte[][] out = hkdf(ck, ikm, 2);
        ck = out[0];
        cs.initializeKey(out[1]);
    }

    private void mixKeyAndHash(byte[] ikm) {
        byte[][] out = hkdf(ck, ikm, 3);
        ck = out[0];
        mixHash(out[1]);
        cs.initializeKey(out[2]);
    }

    private byte[] encryptAndHash(byte[] plaintext) throws NoiseException {
        byte[] c = cs.encryptWithAd(h, plaintext);
        mixHash(c);
        return c;
    }

    private byte[] decryptAndHash(byte[] data, int offset, int length) throws NoiseException {
        byte[] p = cs.decryptWithAd(h, data, offset, length);
        mixHash(Arrays.copyOfRange(data, offset, offset + length));
        return p;
    }

    /** HKDF with HMAC-SHA256 as the Noise spec defines it (section 4.3): 2 or 3 outputs of 32 bytes. */
    private static byte[][] hkdf(byte[] chainingKey, byte[] ikm, int outputs) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(chainingKey, "HmacSHA256"));
            byte[] temp = mac.doFinal(ikm);
            mac.init(new SecretKeySpec(temp, "HmacSHA256"));
            byte[][] out = new byte[outputs][];
            byte[] previous = new byte[0];
            for (int i = 0; i < outputs; i++) {
                mac.update(previous);
                mac.update((byte) (i + 1));
                out[i] = mac.doFinal();
                previous = out[i];
            }
            Arrays.fill(temp, (byte) 0);
            return out;
        } catch (GeneralSecurityException x) {
            throw new IllegalStateException("the JDK has no HMAC-SHA256", x);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
