package network.mask.webui.backup;

/** A backup that cannot be read; the message is meant for the owner. */
public final class BackupException extends Exception {

    /** Whether the owner should look at the file or at the passphrase. */
    public enum Kind {
        NOT_A_BACKUP, WRONG_PASSPHRASE, DAMAGED, UNSUPPORTED,
        /** Larger than any real backup, or an entry larger than the node keeps. */
        TOO_LARGE,
        /** The key derivation asks for more memory or time than the box can give. */
        TOO_COSTLY,
        /** Decrypted fine, but a file in it is one the node will not use (checked before anything is written). */
        REFUSED
    }

    private final Kind kind;

    public BackupException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
