package network.mask.node.noise;

import java.nio.ByteBuffer;

/**
 * The two ciphers of a finished handshake: one to send, one to receive, each with its own counter
 * from 0, no additional data, no rekey (as nym's links). A message that does not verify (tampered,
 * replayed, reordered, cut) is an error, and the link must then close: the counters cannot resynchronise.
 * Not thread-safe: a link uses it from one thread.
 */
public final class NoiseTransport {

    private final CipherState send;
    private final CipherState receive;

    NoiseTransport(CipherState send, CipherState receive) {
        this.send = send;
        this.receive = receive;
    }

    /** Encrypts {@code plaintext} (at most {@link NoiseProtocol#MAX_PLAINTEXT} bytes) into {@code out}; returns its length + 16. */
    public int encrypt(ByteBuffer plaintext, ByteBuffer out) throws NoiseException {
        if (plaintext.remaining() > NoiseProtocol.MAX_PLAINTEXT) throw new IllegalArgumentException("one Noise message holds at most 65519 bytes");
        return send.encrypt(plaintext, out);
    }

    /** Decrypts one message into {@code out}; returns the plaintext length. */
    public int decrypt(ByteBuffer message, ByteBuffer out) throws NoiseException {
        return receive.decrypt(message, out);
    }

    public byte[] encrypt(byte[] plaintext) throws NoiseException {
        if (plaintext.length > NoiseProtocol.MAX_PLAINTEXT) throw new IllegalArgumentException("one Noise message holds at most 65519 bytes");
        return send.encryptWithAd(new byte[0], plaintext);
    }

    public byte[] decrypt(byte[] message) throws NoiseException {
        return receive.decryptWithAd(new byte[0], message, 0, message.length);
    }
}
