package network.mask.node.update;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * One run of {@code masknode-update.service} (docs/updates.md, "One run"): resume an interrupted
 * gate, check the feed when due or asked, install what the owner allows, and let the health gate
 * keep it or roll back. At every instant {@code current} names a complete version.
 */
public final class Updater {

    private static final Logger LOG = Logger.getLogger(Updater.class.getName());
    static final int MAX_GATE_ATTEMPTS = 3;

    /** Sleeps between gate polls; the tests pass one that advances their clock instead. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration d) throws InterruptedException;
    }

    private final UpdateSettings settings;
    private final InstallLayout layout;
    private final Path imageDir;
    private final ServiceControl service;
    private final StepListener steps;
    private final Clock clock;
    private final Pause pause;
    private final Duration poll;

    /**
     * @param imageDir the image's own version ({@code /usr/lib/masknode}), the fallback of last resort
     */
    public Updater(UpdateSettings settings, Path imageDir, ServiceControl service, StepListener steps, Clock clock,
                   Pause pause, Duration poll) {
        this.settings = settings;
        this.layout = settings.layout();
        this.imageDir = imageDir;
        this.service = service;
        this.steps = steps;
        this.clock = clock;
        this.pause = pause;
        this.poll = poll;
    }

    /** One run; returns the state it saved. */
    public UpdateState run() throws IOException, InterruptedException {
        Files.createDirectories(layout.root());
        try (FileChannel lockChannel = FileChannel.open(layout.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockChannel.tryLock()) {
            if (lock == null) throw new IOException("another update run holds " + layout.lockFile());
            return runLocked();
        }
    }

    /**
     * Checks the feed now without installing ({@code masknode update check}); records the result
     * when this process may write the install root, else only returns it.
     */
    public UpdateState checkNow() throws IOException {
        UpdateState state = UpdateState.read(layout.stateFile());
        Optional<Path> current = layout.target(layout.current());
        state.installed = current.isPresent() ? InstallLayout.versionOf(current.get()).toString()
                : InstallLayout.versionOf(imageDir).toString();
        check(state);
        if (Files.isWritable(layout.root())) {
            try (FileChannel lockChannel = FileChannel.open(layout.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = lockChannel.tryLock()) {
                if (lock != null) {
                    UpdateState saved = UpdateState.read(layout.stateFile());
                    saved.lastCheck = state.lastCheck;
                    saved.feedSerial = Math.max(saved.feedSerial, state.feedSerial);
                    saved.counters.putAll(state.counters);
                    saved.write(layout.stateFile());
                }
            }
        }
        return state;
    }

    private UpdateState runLocked() throws IOException, InterruptedException {
        layout.removeLeftovers();
        steps.reached(Step.CLEANED);
        UpdateState state = UpdateState.read(layout.stateFile());
        ensureLinks();
        refreshVersions(state);
        if (state.gate != null) resumeGate(state);

        UpdateRequest request = UpdateRequest.read(settings.requestFile());
        boolean newRequest = !request.written().isEmpty() && !request.written().equals(state.requestHandled);
        // Less the timer's jitter (RandomizedDelaySec=1h), so a timer run never just misses being due.
        boolean due = state.lastCheck == null || isOlderThan(state.lastCheck.at(), settings.checkInterval().minusHours(1));
        Optional<Feed> feed = Optional.empty();
        if (due || (newRequest && (request.check() || !request.install().isEmpty()))) {
            feed = check(state);
        }
        Optional<Release> chosen = Optional.empty();
        if (feed.isPresent()) chosen = choose(state, feed.get(), request, newRequest);
        if (newRequest) state.requestHandled = request.written();
        state.write(layout.stateFile());
        if (chosen.isPresent()) install(state, chosen.get());
        return state;
    }

    /** A fresh box (or a damaged root): both links name the image's version. */
    private void ensureLinks() throws IOException {
        Optional<Path> good = layout.target(layout.good());
        if (good.isEmpty() || !InstallLayout.isComplete(good.get())) {
            layout.point(layout.good(), imageDir);
            good = Optional.of(imageDir);
        }
        Optional<Path> current = layout.target(layout.current());
        if (current.isEmpty() || !InstallLayout.isComplete(current.get())) layout.point(layout.current(), good.get());
    }

    private void refreshVersions(UpdateState state) throws IOException {
        state.installed = versionAt(layout.current());
        state.good = versionAt(layout.good());
        // Once installed, the offer is no longer one (the page would show it as available).
        UpdateState.Check c = state.lastCheck;
        if (c != null && c.available() != null && !state.installed.isEmpty()
                && !c.available().version().isNewerThan(SemVer.parse(state.installed))) {
            state.lastCheck = new UpdateState.Check(c.at(), c.ok(), c.error(), "up to date", null);
        }
    }

    private String versionAt(Path link) throws IOException {
        Optional<Path> t = layout.target(link);
        return t.isEmpty() ? "" : InstallLayout.versionOf(t.get()).toString();
    }

    /** Fetches and verifies the feed; records the check either way. */
    Optional<Feed> check(UpdateState state) throws IOException {
        state.count("checks");
        try {
            Feed feed = fetchVerifiedFeed(state);
            Optional<Release> offer;
            String message;
            try {
                offer = OfferPolicy.offer(feed, SemVer.parse(state.installed));
                message = offer.map(r -> r.version() + " is available").orElse("up to date");
            } catch (UpdateException e) {
                offer = Optional.empty();
                message = e.error().plainWords() + " (" + e.getMessage() + ")";
            }
            state.lastCheck = new UpdateState.Check(now(), true, null, message, offer.orElse(null));
            steps.reached(Step.FEED_VERIFIED);
            return Optional.of(feed);
        } catch (UpdateException e) {
            state.count("check_errors");
            state.count("error_" + e.error().name().toLowerCase(java.util.Locale.ROOT));
            LOG.warning("update check: " + e.getMessage());
            Release keep = state.lastCheck == null ? null : state.lastCheck.available();
            state.lastCheck = new UpdateState.Check(now(), false, e.error().name(), e.error().plainWords(), keep);
            return Optional.empty();
        }
    }

    private Feed fetchVerifiedFeed(UpdateState state) throws UpdateException {
        URI url = settings.feedUrl().orElseThrow(() -> new UpdateException(UpdateError.NO_FEED, "feed_url is not set"));
        MinisignPublicKey key = MinisignPublicKey.read(settings.publicKeyFile());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ByteArrayOutputStream sig = new ByteArrayOutputStream();
        try (BoundedDownload http = new BoundedDownload(settings.connectTimeout(), settings.readTimeout())) {
            http.fetch(url, settings.maxFeedBytes(), UpdateError.FEED_TOO_LARGE, body);
            http.fetch(URI.create(url + ".minisig"), 4096, UpdateError.FEED_TOO_LARGE, sig);
        }
        MinisignVerifier.verify(key, body.toByteArray(), sig.toString(StandardCharsets.UTF_8));
        Feed feed = Feed.parse(body.toByteArray());
        if (feed.serial() < state.feedSerial) {
            throw new UpdateException(UpdateError.FEED_REPLAYED, "feed serial " + feed.serial() + ", this box has seen " + state.feedSerial);
        }
        state.feedSerial = feed.serial();
        return feed;
    }

    /** What to install now, if anything: the owner's explicit pick, else the offer when automatic. */
    private Optional<Release> choose(UpdateState state, Feed feed, UpdateRequest request, boolean newRequest) {
        SemVer installed = SemVer.parse(state.installed);
        try {
            if (newRequest && !request.install().isEmpty()) {
                if (request.install().equals("latest")) return OfferPolicy.offer(feed, installed);
                return Optional.of(OfferPolicy.requested(feed, installed, SemVer.parse(request.install())));
            }
            if (!request.automatic()) return Optional.empty();
            Optional<Release> offer = OfferPolicy.offer(feed, installed);
            // A version that already failed its gate is not retried by itself; "Install now" still can.
            if (offer.isPresent() && state.lastOutcome != null && state.lastOutcome.result().equals("rolled_back")
                    && state.lastOutcome.version().equals(offer.get().version().toString())) {
                return Optional.empty();
            }
            return offer;
        } catch (UpdateException e) {
            refuse(state, request.install(), e);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            refuse(state, request.install(), new UpdateException(UpdateError.NOT_OFFERED, e.getMessage()));
            return Optional.empty();
        }
    }

    private void install(UpdateState state, Release release) throws IOException, InterruptedException {
        String from = state.installed;
        BundleInstaller installer = new BundleInstaller(layout, settings.maxBundleBytes());
        Path dir;
        try {
            state.phase = "downloading";
            state.write(layout.stateFile());
            Path zip;
            try (BoundedDownload http = new BoundedDownload(settings.connectTimeout(), settings.downloadTimeout())) {
                zip = installer.download(release, settings.feedUrl().orElseThrow(), http);
            }
            steps.reached(Step.DOWNLOADED);
            state.phase = "installing";
            state.write(layout.stateFile());
            dir = installer.unpack(release, zip, steps);
            Files.deleteIfExists(zip);
        } catch (UpdateException e) {
            state.phase = "idle";
            refuse(state, release.version().toString(), e);
            state.write(layout.stateFile());
            layout.removeLeftovers();
            return;
        }
        state.gate = new UpdateState.Gate(release.version().toString(), from, now(), 1);
        state.phase = "gating";
        state.write(layout.stateFile());
        steps.reached(Step.GATE_RECORDED);
        long pidBefore = service.observe().mainPid();
        layout.point(layout.current(), dir);
        steps.reached(Step.SWITCHED);
        LOG.info("update: switched to " + release.version() + " (from " + from + "); restarting the node for its trial");
        service.restart();
        steps.reached(Step.RESTARTED);
        runGate(state, pidBefore);
    }

    private void resumeGate(UpdateState state) throws IOException, InterruptedException {
        UpdateState.Gate gate = state.gate;
        if (!state.installed.equals(gate.version())) {
            // The cut came before the switch: the old version still runs, nothing to undo.
            finish(state, "interrupted", gate, "the update to " + gate.version() + " was interrupted (power cut?); the box runs "
                    + state.installed);
            return;
        }
        if (state.good.equals(gate.version())) {
            // The cut came after the gate passed and moved "good", before the state said so.
            finish(state, "installed", gate, "");
            return;
        }
        if (gate.attempts() >= MAX_GATE_ATTEMPTS) {
            rollBack(state, "the trial of " + gate.version() + " was interrupted " + gate.attempts() + " times");
            return;
        }
        state.gate = new UpdateState.Gate(gate.version(), gate.from(), gate.started(), gate.attempts() + 1);
        state.write(layout.stateFile());
        // Restart even if it runs: only a process started from "current" may pass the gate.
        long pidBefore = service.observe().mainPid();
        service.restart();
        runGate(state, pidBefore);
    }

    private void runGate(UpdateState state, long pidBefore) throws IOException, InterruptedException {
        HealthGate gate = new HealthGate(settings.gate(), settings.gateTimeout(), pidBefore);
        Instant start = clock.instant();
        while (true) {
            HealthGate.Verdict v;
            try {
                v = gate.observe(service.observe(), Duration.between(start, clock.instant()));
            } catch (IOException e) {
                v = new HealthGate.Pending();   // systemctl itself hiccuped; the deadline still holds
                LOG.warning("update gate: " + e.getMessage());
                if (Duration.between(start, clock.instant()).compareTo(settings.gateTimeout()) >= 0) {
                    v = new HealthGate.Fail("the node's state could not be read: " + e.getMessage());
                }
            }
            steps.reached(Step.GATE_DECIDED);
            if (v instanceof HealthGate.Pass) {
                Path current = layout.target(layout.current()).orElseThrow();
                layout.point(layout.good(), current);
                steps.reached(Step.GOOD_MOVED);
                refreshVersions(state);
                state.count("installs");
                finish(state, "installed", state.gate, "");
                steps.reached(Step.STATE_WRITTEN);
                prune();
                steps.reached(Step.PRUNED);
                LOG.info("update: " + state.installed + " passed its health gate");
                return;
            }
            if (v instanceof HealthGate.Fail f) {
                rollBack(state, f.reason());
                return;
            }
            pause.pause(poll);
        }
    }

    private void rollBack(UpdateState state, String reason) throws IOException {
        Path good = layout.target(layout.good()).orElse(imageDir);
        layout.point(layout.current(), good);
        steps.reached(Step.ROLLED_BACK);
        LOG.warning("update: rolling back to " + InstallLayout.versionOf(good) + ": " + reason);
        service.restart();
        refreshVersions(state);
        state.count("rollbacks");
        finish(state, "rolled_back", state.gate, reason);
        steps.reached(Step.STATE_WRITTEN);
    }

    private void finish(UpdateState state, String result, UpdateState.Gate gate, String reason) throws IOException {
        refreshVersions(state);
        state.lastOutcome = new UpdateState.Outcome(now(), gate.version(), gate.from(), result, reason);
        state.gate = null;
        state.phase = "idle";
        state.write(layout.stateFile());
    }

    private void refuse(UpdateState state, String version, UpdateException e) {
        boolean refused = switch (e.error()) {
            case FEED_UNREACHABLE, FEED_TIMEOUT, FEED_HTTP_STATUS, BUNDLE_TRUNCATED, DISK -> false;
            default -> true;
        };
        state.count(refused ? "refusals" : "install_errors");
        state.count("error_" + e.error().name().toLowerCase(java.util.Locale.ROOT));
        LOG.warning("update of " + version + " not installed: " + e.getMessage());
        state.lastOutcome = new UpdateState.Outcome(now(), version, state.installed, refused ? "refused" : "failed",
                e.error().name() + ": " + e.error().plainWords());
    }

    private void prune() throws IOException {
        Set<Path> keep = new HashSet<>();
        layout.target(layout.current()).ifPresent(keep::add);
        layout.target(layout.good()).ifPresent(keep::add);
        layout.prune(keep, 1);
    }

    private boolean isOlderThan(String at, Duration age) {
        try {
            return Instant.parse(at).plus(age).isBefore(clock.instant());
        } catch (RuntimeException e) {
            return true;
        }
    }

    private String now() {
        return clock.instant().toString();
    }
}
