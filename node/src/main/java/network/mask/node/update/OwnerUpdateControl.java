package network.mask.node.update;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.Properties;
import network.mask.node.telemetry.FirmwareUpdates;
import network.mask.webui.spi.UpdateControl;

/**
 * The setup page's view of updates: reads the updater's {@code state.json}, writes the owner's
 * wishes into the node's own {@code update-request.json} (which starts masknode-update.path).
 * The node never installs anything itself.
 */
public final class OwnerUpdateControl implements UpdateControl, FirmwareUpdates {

    private static final Logger LOG = Logger.getLogger(OwnerUpdateControl.class.getName());

    private final UpdateSettings settings;
    private final Path requestFile;
    private final String runningVersion;

    /**
     * @param dataDir        the node's data folder; the request file lives there (the node may write nowhere else)
     * @param runningVersion this process's version, shown when the updater has not written its state yet
     */
    public OwnerUpdateControl(UpdateSettings settings, Path dataDir, String runningVersion) {
        this.settings = settings;
        this.requestFile = dataDir.resolve("update-request.json");
        this.runningVersion = runningVersion;
    }

    /** With the box's settings files; on a PC without them the page says updates are off. */
    public static OwnerUpdateControl forBox(Path dataDir, String runningVersion) {
        UpdateSettings settings;
        try {
            settings = UpdateSettings.load();
        } catch (IOException | IllegalArgumentException e) {
            LOG.warning("update settings unreadable, using the defaults: " + e.getMessage());
            settings = UpdateSettings.from(new Properties());
        }
        return new OwnerUpdateControl(settings, dataDir, runningVersion);
    }

    /** Home Assistant's update entity: only on a box that can update itself. */
    @Override
    public Optional<FirmwareUpdates.Info> info() {
        Status s = status();
        if (s.off().isPresent()) return Optional.empty();
        return Optional.of(new FirmwareUpdates.Info(s.installed(), s.available().map(Available::version).orElse(s.installed()),
                "Mask Node", s.available().map(Available::notes).orElse(""), s.available().map(Available::notesUrl).orElse(""),
                s.onTrial()));
    }

    /** Home Assistant's "Install": the newest version on offer. */
    @Override
    public void install() {
        write(read().withInstall("latest"));
    }

    @Override
    public Status status() {
        UpdateState s;
        UpdateRequest wish;
        try {
            s = UpdateState.read(settings.layout().stateFile());
            wish = UpdateRequest.read(requestFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Optional<Available> available = s.available().map(r -> new Available(r.version().toString(), r.notes(), r.notesUrl()));
        String lastCheck = s.lastCheck == null ? "never" : s.lastCheck.at() + ": " + s.lastCheck.message();
        Optional<String> outcome = Optional.ofNullable(s.lastOutcome).map(o -> switch (o.result()) {
            case "installed" -> o.version() + " installed at " + o.at() + " (it passed its health trial).";
            case "rolled_back" -> o.version() + " was rolled back at " + o.at() + " to " + s.installed + ": " + o.reason() + ".";
            case "refused" -> o.version() + " was refused at " + o.at() + ": " + o.reason();
            case "failed" -> o.version() + " could not be installed at " + o.at() + ": " + o.reason();
            default -> o.version() + ": " + o.result().replace('_', ' ') + " at " + o.at() + (o.reason().isEmpty() ? "" : ": " + o.reason());
        });
        return new Status(s.installed.isEmpty() ? runningVersion : s.installed, available, wish.automatic(), s.gate != null,
                lastCheck, outcome, offReason());
    }

    private Optional<String> offReason() {
        if (!Files.isDirectory(settings.root())) {
            return Optional.of("This node was not installed from the Mask Node SD-card image, so it cannot update itself: "
                    + "update it the way you installed it.");
        }
        if (settings.feedUrl().isEmpty()) return Optional.of("Updates are off: " + UpdateError.NO_FEED.plainWords() + ".");
        if (!Files.isRegularFile(settings.publicKeyFile())) return Optional.of("Updates are off: " + UpdateError.NO_KEY.plainWords() + ".");
        return Optional.empty();
    }

    @Override
    public void installNow(String version) {
        write(read().withInstall(SemVer.parse(version).toString()));
    }

    @Override
    public void setAutomatic(boolean on) {
        write(read().withAutomatic(on));
    }

    @Override
    public void checkNow() {
        write(read().withCheck());
    }

    private UpdateRequest read() {
        try {
            return UpdateRequest.read(requestFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(UpdateRequest wish) {
        try {
            wish.stampedAndWritten(requestFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
