package network.mask.node.rotation;

import java.time.Instant;

/**
 * The next step of key rotation and when to take it (nym-node's {@code NextAction},
 * {@code nym-node/src/node/key_rotation/controller.rs}).
 *
 * @param kind       what to do
 * @param rotationId the key's rotation id for {@link Kind#PRE_ANNOUNCE} and {@link Kind#SWAP}; -1 otherwise
 * @param at         when; for {@link Kind#WAIT}, when to look again
 * @param why        a short reason, for the log
 */
public record RotationAction(Kind kind, long rotationId, Instant at, String why) {

    public enum Kind {
        /** Make the key for {@code rotationId} and keep it as the secondary (announced if it is primary + 1). */
        PRE_ANNOUNCE,
        /** The secondary (for {@code rotationId}) becomes primary; the old primary stays for the overlap epoch. */
        SWAP,
        /** Forget the secondary (the previous rotation's key) and its replay filter. */
        PURGE,
        /** Do nothing now; look again at {@code at}. */
        WAIT
    }

    static RotationAction preAnnounce(long rotationId, Instant at, String why) {
        return new RotationAction(Kind.PRE_ANNOUNCE, rotationId, at, why);
    }

    static RotationAction swap(long rotationId, Instant at, String why) {
        return new RotationAction(Kind.SWAP, rotationId, at, why);
    }

    static RotationAction purge(Instant at, String why) {
        return new RotationAction(Kind.PURGE, -1, at, why);
    }

    static RotationAction waitUntil(Instant at, String why) {
        return new RotationAction(Kind.WAIT, -1, at, why);
    }
}
