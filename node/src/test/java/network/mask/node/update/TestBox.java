package network.mask.node.update;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

/** One box for the updater tests: an install root, the image's version, a loopback feed, a simulated systemd. */
final class TestBox implements AutoCloseable {

    final ReleaseFixture releases;
    final FeedServer server;
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T04:00:00Z"));
    final Path imageDir;
    final Path requestFile;
    final UpdateSettings settings;
    final InstallLayout layout;
    final SimulatedSystemd systemd;

    TestBox(Path tmp, String imageVersion) throws IOException {
        releases = new ReleaseFixture(Files.createDirectories(tmp.resolve("release")));
        server = new FeedServer(releases.feedDir);
        imageDir = releases.imageDir(imageVersion);
        Path nodeData = Files.createDirectories(tmp.resolve("node-data"));
        requestFile = nodeData.resolve("update-request.json");
        Properties p = new Properties();
        p.setProperty("feed_url", server.feedUrl().toString());
        p.setProperty("public_key_file", releases.publicKeyFile.toString());
        p.setProperty("root", tmp.resolve("updates").toString());
        p.setProperty("request_file", requestFile.toString());
        p.setProperty("connect_timeout_seconds", "5");
        p.setProperty("read_timeout_seconds", "3");
        p.setProperty("download_timeout_seconds", "3");
        settings = UpdateSettings.from(p);
        layout = settings.layout();
        systemd = new SimulatedSystemd(clock, layout);
        // As the image build leaves it: both links name the image's version.
        Files.createDirectories(layout.root());
        layout.point(layout.good(), imageDir);
        layout.point(layout.current(), imageDir);
    }

    Updater updater(StepListener steps) {
        return new Updater(settings, imageDir, systemd, steps, clock, clock::advance, Duration.ofSeconds(2));
    }

    UpdateState run() throws Exception {
        return updater(StepListener.NONE).run();
    }

    /** Power comes back: the node starts from current, then the update unit runs (it is WantedBy multi-user.target). */
    UpdateState reboot() throws Exception {
        systemd.boot();
        return run();
    }

    UpdateState state() throws IOException {
        return UpdateState.read(layout.stateFile());
    }

    String currentVersion() throws IOException {
        return InstallLayout.versionOf(layout.target(layout.current()).orElseThrow()).toString();
    }

    void ask(UpdateRequest wish) throws IOException {
        clock.advance(Duration.ofSeconds(1));
        wish.stampedAndWritten(requestFile);
    }

    @Override
    public void close() {
        server.close();
    }
}
