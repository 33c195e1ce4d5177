package network.mask.node.sphinx;

/** Sizes fixed by sphinx-packet 0.6.0 (spec §3). */
public final class SphinxConstants {
    public static final int SECURITY_PARAMETER = 16;
    public static final int MAX_PATH_LENGTH = 5;
    public static final int ALPHA_SIZE = 32;
    public static final int MAC_SIZE = 16;
    public static final int NODE_META_INFO_SIZE = 44;
    public static final int SLOT_SIZE = NODE_META_INFO_SIZE + MAC_SIZE;          // 60
    public static final int ROUTING_INFO_SIZE = SLOT_SIZE * MAX_PATH_LENGTH;      // 300
    public static final int STREAM_CIPHER_OUTPUT_LENGTH = SLOT_SIZE * (MAX_PATH_LENGTH + 1); // 360
    public static final int FINAL_NODE_META_INFO_LENGTH = 52;
    public static final int HEADER_SIZE = ALPHA_SIZE + MAC_SIZE + ROUTING_INFO_SIZE; // 348
    public static final int PAYLOAD_OVERHEAD_SIZE = SECURITY_PARAMETER + 1;          // 17
    public static final int DESTINATION_LENGTH = 32;
    public static final int SURB_ID_LENGTH = 16;
    public static final int REPLAY_TAG_SIZE = 32;
    public static final int EXPANDED_SHARED_SECRET_LENGTH = 288;
    /** Smallest packet {@code SphinxPacket::from_bytes} accepts. */
    public static final int MIN_PACKET_LENGTH = HEADER_SIZE + PAYLOAD_OVERHEAD_SIZE;

    /** Routing version with the raw 192-byte HKDF slice as payload key. */
    public static final int VERSION_EXPLICIT_PAYLOAD_KEYS = 258;
    /** Routing version with the payload key derived from a 16-byte seed (Nym's default). */
    public static final int VERSION_PAYLOAD_KEY_SEEDS = 259;

    /** HKDF info for the 288-byte per-hop expansion (salt is empty). */
    public static final String HOP_KDF_INFO = "Dwste mou enan moxlo arketa makru kai ena upomoxlio gia na ton"
            + " topothetisw kai tha kinisw thn gh.";
    /** HKDF salt and info turning a 16-byte seed into a v259 payload key. */
    public static final String PAYLOAD_KDF_SALT = "sphinx-payload-key-V01-CS01-HKDF:SHA256-SALT";
    public static final String PAYLOAD_KDF_INFO = "sphinx-payload-key-V01-CS01-HKDF:SHA256-INFO";

    private SphinxConstants() {}
}
