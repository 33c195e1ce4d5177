package network.mask.node.noise;

/**
 * The two ciphers of a finished handshake: one to send, one to receive, each with its own counter
 * from 0, no additional data, no rekey (as nym's links). A message that does not verify (tampered,
 * replayed, reordered, cut) is an error, and the link must then close: the counters cannot resynchronise.
 * Not thread-safe: a link uses it from one thread.
 */
public final class NoiseTransport {

    private static final byte[] NO_AD = new byte[0];

    private final CipherState send;
    private final CipherState receive;

    NoiseTransport(CipherState send, CipherState receive) {
        this.send = send;
        this.receive = receive;
    }

    /**
     * Encrypts {@code plaintext[off..+len)} (at most {@link NoiseProtocol#MAX_PLAINTEXT} bytes) into
     * {@code out[outOff..)}, which must not overlap it; returns {@code len + 16}.
     */
    public int encrypt(byte[] plaintext, int off, int len, byte[] out, int outOff) throws NoiseException {
        if (len > NoiseProtocol.MAX_PLAINTEXT) throw new IllegalArgumentException("one Noise message holds at most 65519 bytes");
        return send.encrypt(NO_AD, plaintext, off, len, out, outOff);
    }

    /** Decrypts the message {@code message[off..+len)} into {@code out[outOff..)}; returns the plaintext length. */
    public int decrypt(byte[] message, int off, int len, byte[] out, int outOff) throws NoiseException {
        return receive.decrypt(NO_AD, message, off, len, out, outOff);
    }

    public byte[] encrypt(byte[] plaintext) throws NoiseException {
        if (plaintext.length > NoiseProtocol.MAX_PLAINTEXT) throw new IllegalArgumentException("one Noise message holds at most 65519 bytes");
        return send.encryptWithAd(NO_AD, plaintext);
    }

    public byte[] decrypt(byte[] message) throws NoiseException {
        return receive.decryptWithAd(NO_AD, message, 0, message.length);
    }
}
