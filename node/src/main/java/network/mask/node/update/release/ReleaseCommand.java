package network.mask.node.update.release;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import network.mask.node.api.NymNodeRelease;
import network.mask.node.update.Feed;
import network.mask.node.update.Release;
import network.mask.node.update.SemVer;

/** {@code masknode release keygen|bundle|feed|sign} (docs/updates.md, "Commands"); scripts/release.sh calls it. */
public final class ReleaseCommand {

    public static final String USAGE = "release keygen|bundle|feed|sign ...\n"
            + "                            make update keys, bundles and the signed feed (docs/updates.md)";

    private ReleaseCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("usage: masknode " + USAGE);
            return 2;
        }
        Map<String, String> o = new HashMap<>();
        String positional = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (i + 1 >= args.length) {
                    err.println("masknode release: " + args[i] + " needs a value");
                    return 2;
                }
                o.put(args[i].substring(2), args[++i]);
            } else {
                positional = args[i];
            }
        }
        try {
            switch (args[0]) {
                case "keygen" -> {
                    Path dir = Path.of(required(o, "out"));
                    Files.createDirectories(dir);
                    if (Files.exists(dir.resolve("release.key"))) throw new IOException(dir.resolve("release.key") + " exists; not overwritten");
                    MinisignSecretKey key = MinisignSecretKey.generate(new SecureRandom());
                    key.write(dir.resolve("release.key"), dir.resolve("release.pub"));
                    out.println("release.key (keep it offline) and release.pub (key id " + key.publicKey().keyIdHex() + ") in " + dir);
                }
                case "bundle" -> {
                    Path zip = BundleWriter.write(Path.of(required(o, "jar-dir")), SemVer.parse(required(o, "version")),
                            o.containsKey("aot") ? Path.of(o.get("aot")) : null, Path.of(required(o, "out")), epoch());
                    out.println(zip);
                }
                case "feed" -> {
                    Path bundle = Path.of(required(o, "bundle"));
                    String now = Instant.ofEpochSecond(epoch()).toString();
                    Release template = new Release(SemVer.parse(required(o, "version")),
                            o.getOrDefault("nym-node-version", NymNodeRelease.VERSION), SemVer.parse(required(o, "minimum-previous")),
                            now, o.getOrDefault("url", ""), 0, "", o.getOrDefault("notes", ""), o.getOrDefault("notes-url", ""));
                    Release release = FeedWriter.describe(bundle, template);
                    Feed feed = FeedWriter.add(Path.of(required(o, "out")), release, MinisignSecretKey.read(Path.of(required(o, "key"))),
                            Long.parseLong(o.getOrDefault("serial", "0")), now);
                    out.println("feed serial " + feed.serial() + ": " + release.version() + " (" + release.bundleSize() + " bytes, sha256 "
                            + release.bundleSha256() + ")");
                }
                case "sign" -> {
                    if (positional == null) throw new IllegalArgumentException("which file?");
                    out.println(FeedWriter.sign(Path.of(positional), MinisignSecretKey.read(Path.of(required(o, "key"))),
                            o.getOrDefault("comment", "file:" + Path.of(positional).getFileName())));
                }
                default -> {
                    err.println("masknode release: unknown command '" + args[0] + "'\nusage: masknode " + USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("masknode release: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("masknode release: " + e.getMessage());
            return 1;
        }
    }

    /** SOURCE_DATE_EPOCH when set (repeatable builds), else now. */
    private static long epoch() {
        String sde = System.getenv("SOURCE_DATE_EPOCH");
        return sde == null || sde.isBlank() ? Instant.now().getEpochSecond() : Long.parseLong(sde.strip());
    }

    private static String required(Map<String, String> o, String key) {
        String v = o.get(key);
        if (v == null) throw new IllegalArgumentException("--" + key + " is required");
        return v;
    }
}
