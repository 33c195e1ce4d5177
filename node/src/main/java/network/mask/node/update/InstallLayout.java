package network.mask.node.update;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import network.mask.node.storage.AtomicFiles;

/**
 * The install root (docs/updates.md, "On-box layout"): {@code versions/<v>/}, the {@code current}
 * and {@code good} symlinks, {@code staging/} and {@code state.json}. A link is only ever
 * replaced by {@code rename(2)} of a fresh link over it, so it always names a whole folder.
 */
public final class InstallLayout {

    private final Path root;

    public InstallLayout(Path root) {
        this.root = root.toAbsolutePath();
    }

    public Path root() {
        return root;
    }

    public Path versions() {
        return root.resolve("versions");
    }

    public Path current() {
        return root.resolve("current");
    }

    public Path good() {
        return root.resolve("good");
    }

    public Path staging() {
        return root.resolve("staging");
    }

    public Path stateFile() {
        return root.resolve("state.json");
    }

    public Path lockFile() {
        return root.resolve("lock");
    }

    public Path versionDir(SemVer v) {
        return versions().resolve(v.toString());
    }

    /** The folder a link names, or empty when the link is missing or dangling. */
    public Optional<Path> target(Path link) throws IOException {
        if (!Files.isSymbolicLink(link) || !Files.isDirectory(link)) return Optional.empty();
        return Optional.of(link.toRealPath());
    }

    /** Atomically points {@code link} at {@code dir}: a new link, renamed over the old one, then fsync. */
    public void point(Path link, Path dir) throws IOException {
        Path real = dir.toAbsolutePath();
        Path linkTarget = real.startsWith(versions()) ? root.relativize(real) : real;
        Path fresh = root.resolve(link.getFileName() + ".new-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        Files.createSymbolicLink(fresh, linkTarget);
        try {
            Files.move(fresh, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(fresh);
        }
        AtomicFiles.fsync(root);
    }

    /** The version a folder holds, read from its jar ({@code build.properties}). */
    public static SemVer versionOf(Path dir) throws IOException {
        try (JarFile jar = new JarFile(dir.resolve("masknode.jar").toFile())) {
            ZipEntry e = jar.getEntry("network/mask/node/build.properties");
            if (e == null) throw new IOException(dir + "/masknode.jar has no build.properties");
            Properties p = new Properties();
            try (InputStream in = jar.getInputStream(e)) {
                p.load(in);
            }
            return SemVer.parse(p.getProperty("version", "").strip());
        } catch (IllegalArgumentException e) {
            throw new IOException(dir + ": " + e.getMessage());
        }
    }

    /** A folder the node can start from: the jar opens and every library its manifest names is there. */
    public static boolean isComplete(Path dir) {
        try (JarFile jar = new JarFile(dir.resolve("masknode.jar").toFile())) {
            versionOf(dir);
            var manifest = jar.getManifest();
            String cp = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (cp != null) {
                for (String entry : cp.trim().split("\\s+")) {
                    if (!entry.isEmpty() && !Files.isRegularFile(dir.resolve(entry))) return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Removes what an interrupted run left: staging, half-unpacked and half-deleted folders, stray new links. */
    public void removeLeftovers() throws IOException {
        Files.createDirectories(versions());
        deleteTree(staging());
        Files.createDirectories(staging());
        try (var s = Files.list(versions())) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith(".tmp-") || n.startsWith(".trash-")) deleteTree(p);
            }
        }
        try (var s = Files.list(root)) {
            for (Path p : s.toList()) {
                if (p.getFileName().toString().matches("(current|good)\\.new-[0-9a-f]+")) Files.deleteIfExists(p);
            }
        }
    }

    /** Keeps the named folders and the newest {@code extra} others; the rest is renamed away, then deleted. */
    public List<Path> prune(Set<Path> keep, int extra) throws IOException {
        List<Path> candidates = new ArrayList<>();
        try (var s = Files.list(versions())) {
            for (Path p : s.toList()) {
                if (p.getFileName().toString().startsWith(".") || keep.contains(p.toRealPath())) continue;
                candidates.add(p);
            }
        }
        candidates.sort(Comparator.comparing((Path p) -> {
            try {
                return SemVer.parse(p.getFileName().toString());
            } catch (IllegalArgumentException e) {
                return new SemVer(0, 0, 0, "");
            }
        }).reversed());
        List<Path> removed = new ArrayList<>();
        for (Path p : candidates.subList(Math.min(extra, candidates.size()), candidates.size())) {
            Path trash = versions().resolve(".trash-" + p.getFileName());
            Files.move(p, trash, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.fsync(versions());
            deleteTree(trash);
            removed.add(p);
        }
        return removed;
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) throw e;
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
