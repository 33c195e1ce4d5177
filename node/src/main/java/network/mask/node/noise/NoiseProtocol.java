package network.mask.node.noise;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

/** The constants of nym's Noise links, each with the nym file it comes from. */
public final class NoiseProtocol {

    private NoiseProtocol() {}

    /** {@code NoisePattern::XKpsk3.as_str()} ({@code common/nymnoise/src/config.rs}). */
    public static final String NAME = "Noise_XKpsk3_25519_AESGCM_SHA256";
    static final byte[] NAME_BYTES = NAME.getBytes(StandardCharsets.US_ASCII);
    /** {@code NOISE_PSK_PREFIX} ({@code common/nymnoise/src/lib.rs}). */
    private static final byte[] PSK_PREFIX_V1 = "NYMTECH_NOISE_dQw4w9WgXcQ".getBytes(StandardCharsets.US_ASCII);
    /** nym gives snow no prologue ({@code common/nymnoise/src/stream/mod.rs}). */
    public static final byte[] PROLOGUE = new byte[0];
    public static final int KEY_LENGTH = 32;
    public static final int TAG_LENGTH = 16;
    /** {@code HANDSHAKE_MAX_LEN} ({@code common/nymnoise/src/stream/mod.rs}). */
    public static final int HANDSHAKE_MAX_LEN = 1024;
    /** A Noise message (ciphertext with tag) is at most u16::MAX bytes: its length field is a u16. */
    public static final int MAX_MESSAGE = 65535;
    /** Plaintext of one data message: nym's writer splits at {@code u16::MAX - TAGLEN}. */
    public static final int MAX_PLAINTEXT = MAX_MESSAGE - TAG_LENGTH;
    /**
     * nym-node's {@code initial_connection_timeout} (1.5 s, {@code nym-node/src/config/mod.rs}), which bounds
     * the whole handshake on both sides ({@code common/nymnoise/src/stream/mod.rs}).
     */
    public static final Duration HANDSHAKE_TIMEOUT = Duration.ofMillis(1500);

    /**
     * The PSK for a responder key: {@code SHA-256("NYMTECH_NOISE_dQw4w9WgXcQ" || responder_public_key)}
     * ({@code generate_psk_v1}, {@code common/nymnoise/src/lib.rs}). Only version 1 has one; nym closes
     * the link for any other ({@code PskGenerationFailure}).
     */
    public static byte[] psk(int version, byte[] responderPublicKey) throws NoiseException {
        if (version != NoiseFrameHeader.VERSION_1) {
            throw new NoiseException(NoiseException.Kind.UNSUPPORTED_VERSION, "no PSK for Noise version " + version);
        }
        if (responderPublicKey.length != KEY_LENGTH) throw new IllegalArgumentException("x25519 public key must be 32 bytes");
        MessageDigest sha = sha256();
        sha.update(PSK_PREFIX_V1);
        sha.update(responderPublicKey);
        return sha.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
