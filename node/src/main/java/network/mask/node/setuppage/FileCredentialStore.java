package network.mask.node.setuppage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import network.mask.node.storage.AtomicFiles;
import network.mask.webui.spi.AdminCredentialStore;

/** The admin password's Argon2id hash in one file of the data directory, written atomically, mode 0600. */
public final class FileCredentialStore implements AdminCredentialStore {

    static final String PREFIX = "$argon2id$";

    private final Path file;

    public FileCredentialStore(Path file) {
        this.file = file;
    }

    @Override
    public Optional<String> load() throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        // A damaged file must not reopen the claim page to strangers: report it, do not treat it as "unclaimed".
        if (!isHash(text)) throw new IOException(file + " does not hold an Argon2id hash; restore a backup or factory-reset the box");
        return Optional.of(text);
    }

    @Override
    public void store(String argon2idHash) throws IOException {
        if (!isHash(argon2idHash)) throw new IllegalArgumentException("not an Argon2id PHC string");
        Files.createDirectories(file.getParent());
        AtomicFiles.writeSecret(file, (argon2idHash + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether a stored hash exists (the box is claimed); cheap enough for a once-a-second check. */
    public boolean claimed() {
        return Files.isRegularFile(file);
    }

    public static boolean isHash(String text) {
        return text != null && text.startsWith(PREFIX) && text.length() < 512 && text.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
