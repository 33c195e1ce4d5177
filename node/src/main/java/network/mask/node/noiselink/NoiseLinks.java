package network.mask.node.noiselink;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import network.mask.node.metrics.Event;
import network.mask.node.metrics.MixMetrics;
import network.mask.node.noise.NoiseKeyPair;
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
    private final SecureRandom random = new SecureRandom();

    public NoiseLinks(NoiseKeyPair localKey, NoisePeers peers, Duration handshakeTimeout, MixMetrics metrics) {
        this.localKey = localKey;
        this.peers = peers;
        this.handshakeTimeout = handshakeTimeout;
        this.metrics = metrics;
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
        return new NoiseLinkHandler(true, localKey, key.x25519PublicKey(), random, handshakeTimeout, metrics);
    }

    public NoiseLinkHandler responder() {
        return new NoiseLinkHandler(false, localKey, null, random, handshakeTimeout, metrics);
    }
}
