package network.mask.node.update.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import network.mask.node.storage.AtomicFiles;
import network.mask.node.update.Feed;
import network.mask.node.update.Release;
import network.mask.node.update.UpdateException;

/**
 * Adds a release to {@code feed.json} (creating it), raises its serial and signs it:
 * {@code feed.json.minisig} beside it.
 */
public final class FeedWriter {

    private FeedWriter() {}

    /** The release entry for a bundle file: its size and SHA-256, the rest as given. */
    public static Release describe(Path bundle, Release template) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(bundle), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return new Release(template.version(), template.nymNodeVersion(), template.minimumPrevious(), template.published(),
                template.bundleUrl().isEmpty() ? bundle.getFileName().toString() : template.bundleUrl(), Files.size(bundle),
                HexFormat.of().formatHex(sha.digest()), template.notes(), template.notesUrl());
    }

    /** Adds (or replaces) {@code release} in {@code outDir/feed.json} and signs the result. */
    public static Feed add(Path outDir, Release release, MinisignSecretKey key, long minimumSerial, String published)
            throws IOException {
        Path feedFile = outDir.resolve("feed.json");
        List<Release> releases = new ArrayList<>();
        long serial = 0;
        if (Files.exists(feedFile)) {
            try {
                Feed old = Feed.parse(Files.readAllBytes(feedFile));
                serial = old.serial();
                old.releases().stream().filter(r -> !r.version().equals(release.version())).forEach(releases::add);
            } catch (UpdateException e) {
                throw new IOException(feedFile + " is not a feed: " + e.getMessage());
            }
        }
        releases.add(release);
        Feed feed = new Feed(Math.max(serial + 1, minimumSerial), published, releases);
        byte[] text = feed.toJsonText().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(feedFile, text, AtomicFiles.OWNER_WRITE);
        sign(feedFile, key, "serial:" + feed.serial() + " file:feed.json");
        return feed;
    }

    /** Writes {@code file.minisig}. */
    public static Path sign(Path file, MinisignSecretKey key, String trustedComment) throws IOException {
        Path sig = file.resolveSibling(file.getFileName() + ".minisig");
        String text = MinisignSigner.sign(key, Files.readAllBytes(file), trustedComment);
        AtomicFiles.write(sig, text.getBytes(StandardCharsets.UTF_8), AtomicFiles.OWNER_WRITE);
        return sig;
    }
}
