package network.mask.node.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks an {@code Authorization: Bearer <token>} header in constant time. Both sides are hashed
 * first, so neither the content nor the length of the expected token leaks through timing.
 */
final class BearerToken {

    private final byte[] expectedDigest;

    BearerToken(String expected) {
        this.expectedDigest = sha256(expected);
    }

    boolean accepts(Optional<String> authorizationHeader) {
        String presented = authorizationHeader.map(BearerToken::tokenOf).orElse("");
        // Always compare, even for a missing header, so the refusal costs the same either way.
        boolean equal = MessageDigest.isEqual(expectedDigest, sha256(presented));
        return equal && !presented.isEmpty();
    }

    private static String tokenOf(String header) {
        String h = header.strip();
        if (h.length() < 7 || !h.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) return "";
        return h.substring(7).strip();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
