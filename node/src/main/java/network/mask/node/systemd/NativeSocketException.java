package network.mask.node.systemd;

import java.io.IOException;

/** A socket call failed; carries the call name and errno so callers and logs can tell why. */
public final class NativeSocketException extends IOException {

    private final String call;
    private final int errno;

    NativeSocketException(String call, int errno, String target) {
        super(call + "(" + target + ") failed: " + LibC.strerror(errno) + " (errno " + errno + ")");
        this.call = call;
        this.errno = errno;
    }

    /** The libc function that failed, e.g. {@code "sendto"}. */
    public String call() {
        return call;
    }

    /** The errno it set. */
    public int errno() {
        return errno;
    }
}
