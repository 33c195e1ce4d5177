package network.mask.node.claimfile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import network.mask.webui.security.PasswordHasher;
import network.mask.webui.spi.AdminCredentialStore;
import network.mask.webui.validation.FieldErrors;
import network.mask.webui.validation.PasswordRules;

/**
 * {@code masknode-claim.txt}: the admin password, written by the owner onto the SD card's boot
 * partition before the first start, for a Pi with no screen and no button. At start the node
 * reads it once and removes it before using it, so it can never be used twice and the password
 * does not stay on the card. A box that is already claimed ignores it (it is removed all the
 * same: a password in plain text has no business on the card). The password must pass the same
 * rules as on the setup page; a refused file is removed too, and the claim page says why.
 *
 * <p>On the SD-card image the node cannot write the boot partition (root's FAT, and the service
 * runs sandboxed as a dynamic user), so {@code /usr/lib/masknode/claim-file-handoff} moves the
 * file into the service's runtime directory as root just before the node starts
 * ({@code ExecStartPre=+}); the node looks there first.
 */
public final class ClaimFile {

    public static final String NAME = "masknode-claim.txt";
    /** Where the owner writes it: the FAT boot partition of the image, readable from any PC. */
    public static final Path BOOT_PARTITION = Path.of("/boot/firmware", NAME);
    static final int MAX_BYTES = 4096;

    private static final System.Logger LOG = System.getLogger(ClaimFile.class.getName());

    private final List<Path> candidates;
    private final AdminCredentialStore credentials;
    private final PasswordHasher hasher;

    public ClaimFile(List<Path> candidates, AdminCredentialStore credentials, PasswordHasher hasher) {
        this.candidates = List.copyOf(candidates);
        this.credentials = credentials;
        this.hasher = hasher;
    }

    /**
     * The places to look: the runtime directory systemd gives the service (where the image's
     * hand-off puts the file), then the boot partition itself, except on a developer PC.
     */
    public static List<Path> candidates(Map<String, String> env, boolean dev) {
        List<Path> places = new ArrayList<>();
        String runtime = env.get("RUNTIME_DIRECTORY");
        if (runtime != null && !runtime.isBlank()) places.add(Path.of(runtime.split(":")[0]).resolve(NAME));
        if (!dev) places.add(BOOT_PARTITION);
        return places;
    }

    /** What became of the file; {@link ClaimFileOutcome#none()} when there was none. Never throws. */
    public ClaimFileOutcome consume() {
        for (Path file : candidates) {
            if (!Files.exists(file)) continue;
            ClaimFileOutcome outcome = consume(file);
            LOG.log(outcome.claimed() ? System.Logger.Level.INFO : System.Logger.Level.WARNING, file + ": " + outcome.message());
            return outcome;
        }
        return ClaimFileOutcome.none();
    }

    private ClaimFileOutcome consume(Path file) {
        byte[] bytes;
        try {
            bytes = readAtMost(file, MAX_BYTES + 1);
        } catch (NoSuchFileException gone) {
            return ClaimFileOutcome.none();
        } catch (IOException e) {
            return ClaimFileOutcome.refused(NAME + " could not be read (" + e.getMessage() + "), so it was not used.");
        }
        // Gone before it is used: whatever happens next, it cannot be used a second time.
        try {
            Files.delete(file);
            syncDirectory(file.getParent());
        } catch (IOException e) {
            return ClaimFileOutcome.refused(NAME + " could not be removed (" + e + "), so it was not used: "
                    + "a password that stays on the card could be used again. Delete it from the card.");
        }
        if (bytes.length > MAX_BYTES) {
            return ClaimFileOutcome.refused(NAME + " is larger than " + MAX_BYTES + " bytes: write only the password in it.");
        }
        String password;
        try {
            password = passwordIn(bytes);
        } catch (IllegalArgumentException e) {
            return ClaimFileOutcome.refused(NAME + " was not used: " + e.getMessage());
        }
        FieldErrors errors = new FieldErrors();
        if (PasswordRules.validateNew("password", "password", password, "confirm", password, errors) == null) {
            return ClaimFileOutcome.refused(NAME + " was not used: " + errors.get("password").orElse("the password is not allowed")
                    + " Write the file again, or claim the box with the one-time code.");
        }
        try {
            if (credentials.load().isPresent()) {
                return ClaimFileOutcome.ignored(NAME + " was removed unused: this box already has an owner. To start over, "
                        + "factory-reset the box first.");
            }
            credentials.store(hasher.hash(password));
        } catch (IOException | RuntimeException e) {
            return ClaimFileOutcome.refused(NAME + " was not used: the password could not be stored (" + e.getMessage() + ").");
        }
        return ClaimFileOutcome.claimedNow("This box was claimed with the password from " + NAME + " (the file is now removed). "
                + "Log in with that password.");
    }

    /**
     * The password: the one line that is neither blank nor a {@code #} comment, without the
     * spaces around it. A byte-order mark and Windows line ends (Notepad) are fine.
     */
    static String passwordIn(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("it is not UTF-8 text. Save it as UTF-8 (in Notepad: Save as, Encoding UTF-8).");
        }
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        if (lines.isEmpty()) throw new IllegalArgumentException("it holds no password.");
        if (lines.size() > 1) throw new IllegalArgumentException("it holds " + lines.size() + " lines; write only the password, on one line.");
        return lines.getFirst();
    }

    private static byte[] readAtMost(Path file, int limit) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(limit);
        }
    }

    private static void syncDirectory(Path dir) {
        if (dir == null) return;
        try {
            network.mask.node.storage.AtomicFiles.fsync(dir);
        } catch (IOException | RuntimeException e) {
            // best effort: some file systems (FAT through some drivers) refuse to sync a directory
        }
    }
}
