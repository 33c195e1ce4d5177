package network.mask.node.keys;

import java.nio.file.Path;

/** A key file that exists but cannot be used. The message names the file, never the secret. */
public final class KeyFileException extends Exception {
    public KeyFileException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
