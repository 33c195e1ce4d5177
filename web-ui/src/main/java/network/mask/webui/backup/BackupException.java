package network.mask.webui.backup;

/** A backup that cannot be read; the message is meant for the owner. */
public final class BackupException extends Exception {

    /** Whether the owner should look at the file or at the passphrase. */
    public enum Kind { NOT_A_BACKUP, WRONG_PASSPHRASE, DAMAGED, UNSUPPORTED }

    private final Kind kind;

    public BackupException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
