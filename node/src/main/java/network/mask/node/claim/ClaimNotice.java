package network.mask.node.claim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import network.mask.node.storage.AtomicFiles;

/**
 * The claim code on the box's own screen, for owners without a terminal or a button: a file in
 * the service's runtime directory, which the SD-card image links into {@code /etc/issue.d}, so
 * that agetty shows it above the login prompt on an HDMI monitor or a serial console, with the
 * box's IP address ({@code \4}). Off when systemd gives the service no runtime directory (a PC).
 * Never throws: the journal still has the code.
 */
public final class ClaimNotice {

    public static final String FILE = "claim.issue";
    private static final System.Logger LOG = System.getLogger(ClaimNotice.class.getName());

    private final Path file;   // null: off

    ClaimNotice(Path file) {
        this.file = file;
    }

    /** In {@code $RUNTIME_DIRECTORY} (the first, if systemd lists several), or off. */
    public static ClaimNotice fromEnvironment(Map<String, String> env) {
        String dirs = env.get("RUNTIME_DIRECTORY");
        if (dirs == null || dirs.isBlank()) return off();
        return new ClaimNotice(Path.of(dirs.split(":")[0]).resolve(FILE));
    }

    public static ClaimNotice off() {
        return new ClaimNotice(null);
    }

    /** Shows {@code code}; agetty reads the file as root, so it stays owner-only like the rest. */
    void show(String code) {
        if (file == null) return;
        // agetty expands backslash escapes: \4 is the box's IPv4 address. The code has no backslashes.
        String text = "\nMask Node is not claimed yet.\n"
                + "  Open http://\\4/ on a computer or phone on the same network\n"
                + "  and enter the one-time claim code: " + code + "\n\n";
        try {
            AtomicFiles.write(file, text.getBytes(StandardCharsets.US_ASCII), PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not show the claim code on the console (" + file + "): " + e);
        }
    }

    /** Removes the code once it is spent or the box is claimed. */
    public void withdraw() {
        if (file == null) return;
        try {
            Files.deleteIfExists(file);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not remove " + file + ": " + e);
        }
    }
}
