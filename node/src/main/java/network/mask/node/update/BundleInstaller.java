package network.mask.node.update;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import network.mask.node.storage.AtomicFiles;

/**
 * Gets a release onto the card without touching anything the node runs: download into
 * {@code staging/} (bounded by the signed size), check the SHA-256, unpack into a hidden
 * {@code versions/.tmp-*} folder, fsync it, check it is a complete bundle of the right version,
 * and only then rename it to {@code versions/<v>}.
 */
public final class BundleInstaller {

    static final int MAX_ENTRIES = 512;
    private static final Pattern LIB = Pattern.compile("lib/[A-Za-z0-9][A-Za-z0-9._+-]*\\.jar");

    private final InstallLayout layout;
    private final long maxBundleBytes;

    public BundleInstaller(InstallLayout layout, long maxBundleBytes) {
        this.layout = layout;
        this.maxBundleBytes = maxBundleBytes;
    }

    /** Downloads the release's bundle into staging and checks its size and SHA-256. */
    public Path download(Release release, URI feedUrl, BoundedDownload http) throws UpdateException, IOException {
        if (release.bundleSize() > maxBundleBytes) {
            throw new UpdateException(UpdateError.BUNDLE_TOO_LARGE, release.version() + " is " + release.bundleSize()
                    + " bytes, the limit is " + maxBundleBytes);
        }
        Files.createDirectories(layout.staging());
        Path file = layout.staging().resolve("masknode-" + release.version() + ".zip");
        MessageDigest sha = sha256();
        long got;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
            got = http.fetch(feedUrl.resolve(release.bundleUrl()), release.bundleSize(), UpdateError.BUNDLE_TOO_LARGE, out);
        } catch (UpdateException e) {
            long partial = Files.exists(file) ? Files.size(file) : 0;
            if (e.error() == UpdateError.FEED_UNREACHABLE && partial > 0) {
                throw new UpdateException(UpdateError.BUNDLE_TRUNCATED, "the connection broke after " + partial + " of "
                        + release.bundleSize() + " bytes", e);
            }
            throw e;
        }
        if (got < release.bundleSize()) {
            throw new UpdateException(UpdateError.BUNDLE_TRUNCATED, "got " + got + " of " + release.bundleSize() + " bytes");
        }
        checkHash(release, sha.digest());
        return file;
    }

    /** Checks a bundle already on disk (the CLI's and the tests' way in). */
    public static void checkFile(Release release, Path file) throws UpdateException, IOException {
        long size = Files.size(file);
        if (size != release.bundleSize()) {
            throw new UpdateException(size < release.bundleSize() ? UpdateError.BUNDLE_TRUNCATED : UpdateError.BUNDLE_TOO_LARGE,
                    file + " is " + size + " bytes, the feed says " + release.bundleSize());
        }
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), sha));
        }
        checkHash(release, sha.digest());
    }

    private static void checkHash(Release release, byte[] actual) throws UpdateException {
        byte[] expected = HexFormat.of().parseHex(release.bundleSha256());
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new UpdateException(UpdateError.BAD_HASH, "SHA-256 " + HexFormat.of().formatHex(actual)
                    + ", the signed feed says " + release.bundleSha256());
        }
    }

    /**
     * Unpacks a checked bundle into {@code versions/<v>} and returns that folder. Until the final
     * rename the new files live in a hidden folder that a later run deletes.
     */
    public Path unpack(Release release, Path bundle, StepListener steps) throws UpdateException, IOException {
        Files.createDirectories(layout.versions());
        Path tmp = layout.versions().resolve(".tmp-" + release.version() + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        Files.createDirectory(tmp);
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            if (zip.size() > MAX_ENTRIES) throw malformed("more than " + MAX_ENTRIES + " entries");
            Set<String> seen = new HashSet<>();
            long total = 0;
            Files.createDirectory(tmp.resolve("lib"));
            for (ZipEntry e : zip.stream().toList()) {
                String name = e.getName();
                if (!seen.add(name)) throw malformed("duplicate entry " + name);
                if (name.equals("lib/")) continue;
                if (!name.equals("masknode.jar") && !name.equals("masknode.aot") && !LIB.matcher(name).matches()) {
                    throw malformed("unexpected entry '" + name + "'");
                }
                Path out = tmp.resolve(name);
                try (InputStream in = zip.getInputStream(e);
                     FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    long n = in.transferTo(Channels.newOutputStream(ch));
                    total += n;
                    if (total > 4 * maxBundleBytes) throw malformed("unpacks to more than " + 4 * maxBundleBytes + " bytes");
                    ch.force(true);
                }
                // The zip's times, so an AOT cache trained against these jars (it records their mtimes) still fits.
                if (e.getLastModifiedTime() != null) Files.setLastModifiedTime(out, e.getLastModifiedTime());
                steps.reached(Step.UNPACKED_FILE);
            }
            if (!seen.contains("masknode.jar")) throw malformed("no masknode.jar");
        } catch (ZipException e) {
            throw malformed("not a readable zip: " + e.getMessage());
        }
        SemVer inside;
        try {
            inside = InstallLayout.versionOf(tmp);
        } catch (IOException e) {
            throw malformed(e.getMessage());
        }
        if (!inside.equals(release.version())) {
            throw new UpdateException(UpdateError.BUNDLE_VERSION_MISMATCH, "the jar says " + inside + ", the feed " + release.version());
        }
        if (!InstallLayout.isComplete(tmp)) throw malformed("a library the jar needs is missing");
        Files.writeString(tmp.resolve("release.json"), release.toJson().toString() + "\n", StandardCharsets.UTF_8);
        AtomicFiles.fsync(tmp.resolve("release.json"));
        AtomicFiles.fsync(tmp.resolve("lib"));
        AtomicFiles.fsync(tmp);
        steps.reached(Step.UNPACKED);
        Path dir = layout.versionDir(release.version());
        if (Files.exists(dir)) {
            // An earlier attempt of the same version (rolled back, or cut before its switch): nobody points at it.
            Path trash = layout.versions().resolve(".trash-" + release.version() + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
            Files.move(dir, trash, StandardCopyOption.ATOMIC_MOVE);
            InstallLayout.deleteTree(trash);
        }
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        AtomicFiles.fsync(layout.versions());
        steps.reached(Step.RENAMED_INTO_PLACE);
        return dir;
    }

    private static UpdateException malformed(String detail) {
        return new UpdateException(UpdateError.BUNDLE_MALFORMED, detail);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
