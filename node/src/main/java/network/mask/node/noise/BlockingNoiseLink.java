package network.mask.node.noise;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * The initiator's side of a Noise link over a blocking {@link SocketChannel}, for tools that send
 * (the local mixnet's traffic sender, tests): runs the handshake within a deadline, then turns each
 * write into nym data frames of at most 65519 plaintext bytes. Reading transport data is not needed
 * by its users (mix links carry traffic one way) and is not offered.
 */
public final class BlockingNoiseLink {

    private final SocketChannel channel;
    private final NoiseTransport transport;
    // Heap buffers: the cipher works on arrays (see NoiseLinkHandler).
    private final ByteBuffer out = ByteBuffer.allocate(NoiseFrameHeader.SIZE + NoiseProtocol.MAX_MESSAGE);
    private final ByteBuffer plainCopy = ByteBuffer.allocate(NoiseProtocol.MAX_PLAINTEXT);
    private final byte[] header = new byte[NoiseFrameHeader.SIZE];

    private BlockingNoiseLink(SocketChannel channel, NoiseTransport transport) {
        this.channel = channel;
        this.transport = transport;
    }

    /** Runs nym's initiator handshake towards the node whose Noise key is {@code responderKey}. */
    public static BlockingNoiseLink initiate(SocketChannel channel, NoiseKeyPair localKey, byte[] responderKey,
                                             Duration timeout, SecureRandom random) throws IOException, NoiseException {
        return handshake(channel, NoiseHandshake.initiator(localKey, responderKey, random), timeout);
    }

    /** Runs a handshake prepared by the caller (tests: a wrong PSK). */
    public static BlockingNoiseLink handshake(SocketChannel channel, NoiseHandshake handshake, Duration timeout)
            throws IOException, NoiseException {
        if (!handshake.isInitiator()) throw new IllegalArgumentException("an initiator's handshake is needed");
        channel.configureBlocking(true);
        channel.socket().setSoTimeout((int) Math.max(1, timeout.toMillis()));
        InputStream in = channel.socket().getInputStream();
        byte[] frameHeader = new byte[NoiseFrameHeader.SIZE];
        try {
            while (!handshake.isFinished()) {
                if (handshake.isMyTurn()) {
                    byte[] message = handshake.writeMessage(new byte[0]);
                    NoiseFrameHeader.encode(NoiseFrameHeader.TYPE_HANDSHAKE, message.length, frameHeader, 0);
                    writeFully(channel, ByteBuffer.wrap(concat(frameHeader, message)));
                } else {
                    readFully(in, frameHeader);
                    NoiseFrameHeader h = NoiseFrameHeader.decode(frameHeader, 0);
                    if (!h.isHandshake() || !h.isV1XKpsk3()) {
                        throw new NoiseException(NoiseException.Kind.UNEXPECTED_FRAME, "the responder sent an unexpected frame");
                    }
                    byte[] message = new byte[h.length()];
                    readFully(in, message);
                    handshake.readMessage(message);
                }
            }
        } catch (SocketTimeoutException e) {
            throw new NoiseException(NoiseException.Kind.TIMEOUT, "the responder did not finish the handshake in " + timeout.toMillis() + " ms");
        }
        channel.socket().setSoTimeout(0);
        return new BlockingNoiseLink(channel, handshake.split());
    }

    /** Encrypts and writes everything remaining in {@code plaintext}, in frames of at most 65519 bytes. */
    public void write(ByteBuffer plaintext) throws IOException, NoiseException {
        while (plaintext.hasRemaining()) {
            int n = Math.min(NoiseProtocol.MAX_PLAINTEXT, plaintext.remaining());
            ByteBuffer chunk = plaintext.slice(plaintext.position(), n);
            if (!chunk.hasArray()) chunk = plainCopy.clear().put(chunk).flip();
            NoiseFrameHeader.encode(NoiseFrameHeader.TYPE_DATA, n + NoiseProtocol.TAG_LENGTH, header, 0);
            out.clear().put(header);
            int sealed = transport.encrypt(chunk.array(), chunk.arrayOffset() + chunk.position(), n,
                    out.array(), out.arrayOffset() + out.position());
            out.position(out.position() + sealed).flip();
            writeFully(channel, out);
            plaintext.position(plaintext.position() + n);
        }
    }

    /** One data frame, header included, as it would go on the wire (tests replay, cut and alter these). */
    public byte[] sealFrame(byte[] plaintext) throws NoiseException {
        byte[] sealed = transport.encrypt(plaintext);
        NoiseFrameHeader.encode(NoiseFrameHeader.TYPE_DATA, sealed.length, header, 0);
        return concat(header, sealed);
    }

    public SocketChannel channel() {
        return channel;
    }

    private static void writeFully(SocketChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) ch.write(b);
    }

    private static void readFully(InputStream in, byte[] into) throws IOException, NoiseException {
        int n = in.readNBytes(into, 0, into.length);
        if (n < into.length) {
            // What a responder does when our key or PSK is wrong: it closes without a word.
            throw new NoiseException(NoiseException.Kind.HANDSHAKE_FAILED, "the responder closed the connection during the Noise handshake");
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
