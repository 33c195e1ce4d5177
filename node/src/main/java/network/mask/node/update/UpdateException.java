package network.mask.node.update;

/** A refused or failed update step, with its typed reason. */
public final class UpdateException extends Exception {

    private final UpdateError error;

    public UpdateException(UpdateError error, String detail) {
        super(error.name() + ": " + detail);
        this.error = error;
    }

    public UpdateException(UpdateError error, String detail, Throwable cause) {
        super(error.name() + ": " + detail, cause);
        this.error = error;
    }

    public UpdateError error() {
        return error;
    }
}
