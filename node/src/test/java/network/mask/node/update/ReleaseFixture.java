package network.mask.node.update;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import network.mask.node.update.release.BundleWriter;
import network.mask.node.update.release.FeedWriter;
import network.mask.node.update.release.MinisignSecretKey;

/**
 * Real release files for the tests: jar folders shaped like node/target (a {@code masknode.jar}
 * carrying {@code build.properties} and a Class-Path, and its {@code lib/}), bundles and a feed
 * signed with a throw-away key, all made by the release tool itself.
 */
final class ReleaseFixture {

    final Path dir;
    final MinisignSecretKey key;
    final Path publicKeyFile;
    final Path feedDir;

    ReleaseFixture(Path dir) throws IOException {
        this.dir = dir;
        this.key = MinisignSecretKey.generate(new SecureRandom());
        this.feedDir = Files.createDirectories(dir.resolve("feed"));
        Path keys = Files.createDirectories(dir.resolve("keys"));
        key.write(keys.resolve("release.key"), keys.resolve("release.pub"));
        this.publicKeyFile = keys.resolve("release.pub");
    }

    /** A folder with masknode.jar (at {@code version}) and lib/support.jar, as mvn package leaves it. */
    Path jarDir(String version) throws IOException {
        Path d = Files.createDirectories(dir.resolve("build-" + version + "-" + System.nanoTime()));
        Files.createDirectories(d.resolve("lib"));
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, "lib/support-" + version + ".jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(d.resolve("masknode.jar")), m)) {
            jar.putNextEntry(new JarEntry("network/mask/node/build.properties"));
            jar.write(("version=" + version + "\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(d.resolve("lib/support-" + version + ".jar")))) {
            jar.putNextEntry(new JarEntry("support.txt"));
            byte[] filler = new byte[64 * 1024];
            new SecureRandom().nextBytes(filler);   // incompressible: a bundle of real size
            jar.write(filler);
            jar.closeEntry();
        }
        return d;
    }

    /** The image's own version, as /usr/lib/masknode holds it. */
    Path imageDir(String version) throws IOException {
        return jarDir(version);
    }

    /** Builds the bundle and adds it to the signed feed. */
    Release publish(String version, String minimumPrevious) throws IOException {
        Path bundle = bundle(version);
        return publishBundle(bundle, version, minimumPrevious);
    }

    Path bundle(String version) throws IOException {
        return BundleWriter.write(jarDir(version), SemVer.parse(version), null, feedDir, 1_700_000_000L);
    }

    Release publishBundle(Path bundle, String version, String minimumPrevious) throws IOException {
        Release template = new Release(SemVer.parse(version), "1.31.0", SemVer.parse(minimumPrevious), "2026-12-02T00:00:00Z",
                "", 0, "0".repeat(64), "Notes for " + version, "https://example.org/releases/" + version);
        Release release = FeedWriter.describe(bundle, template);
        FeedWriter.add(feedDir, release, key, 0, "2026-12-02T00:00:00Z");
        return release;
    }

    static void write(Path file, String text) throws IOException {
        try (OutputStream o = Files.newOutputStream(file)) {
            o.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
