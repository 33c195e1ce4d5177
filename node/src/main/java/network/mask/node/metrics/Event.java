package network.mask.node.metrics;

import java.util.Locale;

/** Counted happenings that are not packet drops. The lower-case name is what consumers see. */
public enum Event {
    INBOUND_ACCEPTED,
    INBOUND_REJECTED_TOTAL_LIMIT,
    INBOUND_REJECTED_PER_IP_LIMIT,
    /** Refused: the peer's source network (IPv4 /24, IPv6 /64 by default) holds its share of the mix port's slots. */
    INBOUND_REJECTED_PER_NETWORK_LIMIT,
    /** Public-API connections closed: their source network held its share of the API's connections. */
    API_REJECTED_PER_NETWORK_LIMIT,
    /** Setup-page connections closed: their source network held its share of the page's connections. */
    SETUP_PAGE_REJECTED_PER_NETWORK_LIMIT,
    INBOUND_CLOSED_IDLE,
    INBOUND_CLOSED_FRAME_TIMEOUT,
    INBOUND_CLOSED_BAD_FRAME,
    INBOUND_CLOSED_ERROR,
    /** Reading from a peer paused because the crypto workers' queue was full (backpressure). */
    INGRESS_PAUSED,
    FRAMING_V7_RECEIVED,
    FRAMING_V8_RECEIVED,
    /** A v7 packet that verified only under the secondary Sphinx key. */
    SECONDARY_KEY_USED,
    /** An Outfox packet unwrapped and passed on to its next hop (Outfox has no delay: nym-node sends it at once). */
    OUTFOX_FORWARDED,
    /** A header delay above the maximum, shortened to it (nym-node does the same). */
    DELAY_CAPPED,
    OUTBOUND_CONNECTED,
    OUTBOUND_CONNECT_FAILED,
    OUTBOUND_DISCONNECTED,
    REPLAY_STATE_SAVED,
    REPLAY_STATE_SAVE_FAILED,
    REPLAY_STATE_CORRUPT,
    /** A replay-journal flush failed (e.g. a full disk); its tags could be replayed after a crash. */
    REPLAY_JOURNAL_WRITE_FAILED,
    /** Tags durably written to the replay journal, and the fsyncs that made them durable. */
    REPLAY_JOURNAL_TAGS_WRITTEN,
    REPLAY_JOURNAL_FSYNCS,
    /** Tags not journaled: a failed flush, or more pending than the bound while the disk lagged. */
    REPLAY_JOURNAL_TAGS_LOST,
    /** Sphinx key rotation in step with the network (network.mask.node.rotation). */
    SPHINX_KEY_PRE_ANNOUNCED,
    SPHINX_KEY_SWAPPED,
    SPHINX_KEY_PURGED,
    /** A rotation step failed (e.g. the key file could not be written); retried at the next pass. */
    SPHINX_KEY_ROTATION_FAILED,
    /** An MQTT message larger than the node reads was discarded unread (telemetry). */
    MQTT_MESSAGE_TOO_LARGE,
    /** Noise links (network.mask.node.noiselink): handshakes completed as responder and as initiator. */
    NOISE_HANDSHAKES_INBOUND,
    NOISE_HANDSHAKES_OUTBOUND,
    /** A Noise handshake that failed (wrong key or PSK, bad or unexpected frame, peer closed); only that link is closed. */
    NOISE_HANDSHAKE_FAILED,
    /** A Noise handshake not finished within the deadline (nym-node: 1.5 s); only that link is closed. */
    NOISE_HANDSHAKE_TIMEOUT,
    /** An established Noise link closed for a frame that did not decrypt or parse (tampered, replayed, truncated, oversized). */
    NOISE_LINK_CLOSED_BAD_FRAME,
    /** Links left plain TCP because the peer announces no Noise key (nym-node's fallback). */
    NOISE_PLAIN_INBOUND,
    NOISE_PLAIN_OUTBOUND,
    /** The history file could not be read; it was moved aside and a new history started (network.mask.node.history). */
    HISTORY_FILE_DAMAGED,
    /** Writing the history file failed (e.g. a full disk); the history stays in memory until a write succeeds. */
    HISTORY_WRITE_FAILED;

    private final String metricName = name().toLowerCase(Locale.ROOT);

    public String metricName() {
        return metricName;
    }
}
