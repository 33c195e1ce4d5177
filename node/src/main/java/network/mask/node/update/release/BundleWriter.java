package network.mask.node.update.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import network.mask.node.storage.AtomicFiles;
import network.mask.node.update.InstallLayout;
import network.mask.node.update.SemVer;

/**
 * Writes {@code masknode-<version>.zip} (docs/updates.md, "Bundle"): {@code masknode.jar},
 * {@code lib/*.jar} and an optional AOT cache, in name order with fixed timestamps, so the same
 * input gives the same bytes.
 */
public final class BundleWriter {

    private BundleWriter() {}

    /**
     * @param jarDir a folder with {@code masknode.jar} and {@code lib/} (what {@code mvn package} leaves in node/target)
     * @param aot    an AOT cache trained at the box's install path, or null
     */
    public static Path write(Path jarDir, SemVer version, Path aot, Path outDir, long epochSeconds) throws IOException {
        if (version.isSnapshot()) throw new IOException("a release has no SNAPSHOT version: " + version);
        SemVer inside = InstallLayout.versionOf(jarDir);
        if (!inside.equals(version)) {
            throw new IOException(jarDir + "/masknode.jar is version " + inside + ", not " + version + " (build it with scripts/release.sh)");
        }
        List<Path> libs = new ArrayList<>();
        try (var s = Files.list(jarDir.resolve("lib"))) {
            s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(libs::add);
        }
        Path out = outDir.resolve("masknode-" + version + ".zip");
        Files.createDirectories(outDir);
        FileTime time = FileTime.fromMillis(epochSeconds * 1000);
        AtomicFiles.write(out, AtomicFiles.OWNER_WRITE, channel -> {
            // Not closed: AtomicFiles fsyncs and closes the channel after this returns.
            ZipOutputStream zip = new ZipOutputStream(java.nio.channels.Channels.newOutputStream(channel));
            {
                add(zip, "masknode.jar", jarDir.resolve("masknode.jar"), time);
                if (aot != null) add(zip, "masknode.aot", aot, time);
                ZipEntry dir = new ZipEntry("lib/");
                dir.setLastModifiedTime(time);
                zip.putNextEntry(dir);
                zip.closeEntry();
                for (Path lib : libs) add(zip, "lib/" + lib.getFileName(), lib, time);
                zip.finish();
                zip.flush();
            }
        });
        return out;
    }

    private static void add(ZipOutputStream zip, String name, Path file, FileTime time) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setLastModifiedTime(time);
        zip.putNextEntry(e);
        Files.copy(file, zip);
        zip.closeEntry();
    }
}
