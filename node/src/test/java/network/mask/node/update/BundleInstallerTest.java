package network.mask.node.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import network.mask.node.update.release.FeedWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundles that are signed and hash-correct but not what a bundle may hold are refused while unpacking. */
class BundleInstallerTest {

    @TempDir
    Path tmp;

    private Path zip(String... entries) throws IOException {
        Path z = tmp.resolve("b-" + System.nanoTime() + ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z))) {
            for (String e : entries) {
                out.putNextEntry(new ZipEntry(e));
                out.write(new byte[] {1, 2, 3});
                out.closeEntry();
            }
        }
        return z;
    }

    private UpdateError refusal(Path bundle) throws Exception {
        InstallLayout layout = new InstallLayout(Files.createDirectories(tmp.resolve("root-" + System.nanoTime())));
        Release template = new Release(SemVer.parse("0.2.0"), "", SemVer.parse("0.1.0"), "", "", 0, "0".repeat(64), "", "");
        Release release = FeedWriter.describe(bundle, template);
        BundleInstaller.checkFile(release, bundle);
        UpdateException e = assertThrows(UpdateException.class,
                () -> new BundleInstaller(layout, 1 << 20).unpack(release, bundle, StepListener.NONE));
        try (var versions = Files.list(layout.versions())) {
            assertFalse(versions.anyMatch(p -> !p.getFileName().toString().startsWith(".")), "no version folder appears");
        }
        return e.error();
    }

    @Test
    void refusesPathsOutsideTheBundle() throws Exception {
        assertEquals(UpdateError.BUNDLE_MALFORMED, refusal(zip("masknode.jar", "../../etc/passwd")));
        assertEquals(UpdateError.BUNDLE_MALFORMED, refusal(zip("masknode.jar", "/etc/passwd")));
        assertEquals(UpdateError.BUNDLE_MALFORMED, refusal(zip("masknode.jar", "lib/../../x.jar")));
        assertEquals(UpdateError.BUNDLE_MALFORMED, refusal(zip("masknode.jar", "run.sh")));
    }

    @Test
    void refusesABundleWithoutAJarOrWithABrokenOne() throws Exception {
        assertEquals(UpdateError.BUNDLE_MALFORMED, refusal(zip("lib/a.jar")));
        assertEquals(UpdateError.BUNDLE_MALFORMED, refusal(zip("masknode.jar")), "not a jar at all");
        Path notZip = tmp.resolve("junk.zip");
        Files.write(notZip, new byte[] {1, 2, 3, 4});
        assertEquals(UpdateError.BUNDLE_MALFORMED, refusal(notZip));
    }

    @Test
    void refusesAJarWhoseLibrariesAreMissing() throws Exception {
        ReleaseFixture f = new ReleaseFixture(Files.createDirectories(tmp.resolve("f")));
        Path jarDir = f.jarDir("0.2.0");
        try (var libs = Files.list(jarDir.resolve("lib"))) {
            for (Path p : libs.toList()) Files.delete(p);
        }
        Path z = tmp.resolve("nolib.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z))) {
            out.putNextEntry(new ZipEntry("masknode.jar"));
            Files.copy(jarDir.resolve("masknode.jar"), out);
            out.closeEntry();
        }
        assertEquals(UpdateError.BUNDLE_MALFORMED, refusal(z));
    }
}
