package network.mask.node.metrics;

import java.util.Locale;
import network.mask.node.outfox.OutfoxError;
import network.mask.node.sphinx.RejectReason;

/** Why a packet was dropped. The lower-case name is what metrics consumers see. */
public enum Drop {
    /** Framing header with an unsupported version, unknown size tag, packet type or key rotation. */
    MALFORMED_FRAME,
    /** Size tag announces a packet larger than the configured frame cap. */
    FRAME_TOO_LARGE,
    /** A frame was started but not finished within the frame timeout, or the peer closed mid-frame. */
    TRUNCATED_FRAME,
    /**
     * An Outfox packet (packet type 2) whose length, parameters, public element or next-hop address
     * is not one nym builds ({@code network.mask.node.outfox.OutfoxError}), or whose decrypted
     * next-hop address has an unknown type.
     */
    OUTFOX_MALFORMED,
    /** An Outfox layer whose ChaCha20-Poly1305 tag does not verify under this node's key (another key, or tampered). */
    OUTFOX_BAD_TAG,
    WRONG_LENGTH,
    MALFORMED_PACKET,
    BAD_GROUP_ELEMENT,
    BAD_MAC,
    UNKNOWN_FLAG,
    REPLAYED,
    /** A v8 rotation byte whose parity matches none of this node's Sphinx keys. */
    NO_KEY_FOR_ROTATION,
    /** A final-hop packet at a node that is a mixnode, not a gateway. */
    FINAL_HOP,
    /** A next hop this node refuses to connect to (private, loopback or unspecified address). */
    FORBIDDEN_NEXT_HOP,
    /** A next hop whose IP is not a node in the topology: dropped while nym-api is asked about it once. */
    UNKNOWN_NEXT_HOP,
    /** The delay scheduler holds its maximum number of packets (the node is overloaded). */
    SCHEDULER_OVERLOAD,
    /** The delay scheduler holds its byte budget (large packets held for long delays): the newest is refused. */
    SCHEDULER_BYTES_FULL,
    /** A next hop's queue was full: its oldest packet was dropped. */
    EGRESS_QUEUE_FULL,
    /** All next hops' queues together hold the egress byte budget: the newest packet is refused. */
    EGRESS_BYTES_FULL,
    /** Queued for a next hop longer than the egress age limit (it is unreachable or never reads). */
    EGRESS_EXPIRED,
    /** Too many distinct next hops at once. */
    EGRESS_TOO_MANY_PEERS,
    /** Still queued or held when the node stopped after its grace period. */
    SHUTDOWN,
    /** The Sphinx engine threw: a bug, counted rather than crashing a worker. */
    ENGINE_ERROR,
    /** The key that opened the packet was purged (end of its overlap epoch) while the packet was processed. */
    KEY_PURGED;

    private final String metricName = name().toLowerCase(Locale.ROOT);

    public String metricName() {
        return metricName;
    }

    public static Drop of(OutfoxError error) {
        return error == OutfoxError.BAD_TAG ? OUTFOX_BAD_TAG : OUTFOX_MALFORMED;
    }

    public static Drop of(RejectReason reason) {
        return switch (reason) {
            case WRONG_LENGTH -> WRONG_LENGTH;
            case MALFORMED -> MALFORMED_PACKET;
            case BAD_GROUP_ELEMENT -> BAD_GROUP_ELEMENT;
            case BAD_MAC -> BAD_MAC;
            case UNKNOWN_FLAG -> UNKNOWN_FLAG;
            case REPLAYED -> REPLAYED;
        };
    }
}
