package network.mask.node.noiselink;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import network.mask.node.metrics.Event;
import network.mask.node.metrics.MixMetrics;
import network.mask.node.noise.GcmSource;
import network.mask.node.noise.NoiseException;
import network.mask.node.noise.NoiseFrameHeader;
import network.mask.node.noise.NoiseHandshake;
import network.mask.node.noise.NoiseKeyPair;
import network.mask.node.noise.NoiseProtocol;
import network.mask.node.noise.NoiseTransport;
import network.mask.node.noise.VersionedNoiseKey;
import network.mask.node.topology.NoisePeers;

/**
 * Who speaks Noise with whom, as nym-node decides it ({@code common/nymnoise/src/lib.rs}): nothing on the
 * wire offers or refuses Noise. As initiator, Noise exactly when the next hop's address (IP and port)
 * announces a key in the topology; as responder, exactly when the connecting IP belongs to a node that
 * announces one. Otherwise plain TCP, counted. Also makes the pipeline handlers.
 */
public final class NoiseLinks {

    private final NoiseKeyPair localKey;
    private final NoisePeers peers;
    private final Duration handshakeTimeout;
    private final MixMetrics metrics;
    private final GcmSource gcm;
    private final SecureRandom random = new SecureRandom();

    /** @param gcm the AES-GCM backend chosen at start (per thread) */
    public NoiseLinks(NoiseKeyPair localKey, NoisePeers peers, Duration handshakeTimeout, MixMetrics metrics, GcmSource gcm) {
        this.gcm = gcm;
        this.localKey = localKey;
        this.peers = peers;
        this.handshakeTimeout = handshakeTimeout;
        this.metrics = metrics;
    }

    /**
     * Runs a few handshakes and messages in memory, so that class loading, provider lookup and the first
     * JIT passes are paid at start and not inside a link's 1.5 s handshake deadline (on a busy or cold
     * machine the first handshake alone can take longer than that). Also proves the crypto works here.
     *
     * @return how long it took, in milliseconds
     */
    public long warmUp() throws NoiseException {
        long t0 = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            NoiseKeyPair responderKey = NoiseKeyPair.generate(random);
            NoiseHandshake initiator = NoiseHandshake.initiator(localKey, responderKey.publicKey(), random, gcm);
            NoiseHandshake responder = NoiseHandshake.responder(responderKey, NoiseFrameHeader.VERSION_1, random, gcm);
            responder.readMessage(initiator.writeMessage(new byte[0]));
            initiator.readMessage(responder.writeMessage(new byte[0]));
            responder.readMessage(initiator.writeMessage(new byte[0]));
            NoiseTransport out = initiator.split();
            NoiseTransport in = responder.split();
            // Arrays, as the links' cipher calls use them (NoiseLinkHandler's scratch arrays).
            byte[] plain = new byte[2413];
            byte[] sealed = new byte[2413 + NoiseProtocol.TAG_LENGTH];
            for (int m = 0; m < 50; m++) {
                int n = out.encrypt(plain, 0, plain.length, sealed, 0);
                in.decrypt(sealed, 0, n, plain, 0);
            }
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** Initiator: the next hop's key (then Noise), or empty (plain TCP, counted). */
    public Optional<VersionedNoiseKey> keyFor(InetSocketAddress nextHop) {
        Optional<VersionedNoiseKey> key = peers.keyFor(nextHop);
        if (key.isEmpty()) metrics.event(Event.NOISE_PLAIN_OUTBOUND);
        return key;
    }

    /** Responder: whether a peer connecting from {@code ip} speaks Noise (if not, plain TCP, counted). */
    public boolean expectsNoiseFrom(InetAddress ip) {
        boolean noise = peers.announcesNoise(ip);
        if (!noise) metrics.event(Event.NOISE_PLAIN_INBOUND);
        return noise;
    }

    /**
     * A handler that runs the initiator's side towards {@code key}. nym's initiator tries version 1 even
     * when the peer announces a newer one it does not know ({@code upgrade_noise_initiator}); so does this.
     */
    public NoiseLinkHandler initiator(VersionedNoiseKey key) {
        return new NoiseLinkHandler(true, localKey, key.x25519PublicKey(), random, handshakeTimeout, metrics, gcm);
    }

    public NoiseLinkHandler responder() {
        return new NoiseLinkHandler(false, localKey, null, random, handshakeTimeout, metrics, gcm);
    }
}
