package network.mask.node.replay;

import java.nio.file.Path;

/** A replay state file that is damaged or not ours. */
public final class ReplayStateException extends Exception {
    public ReplayStateException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
