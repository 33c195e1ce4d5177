package network.mask.webui.spi;

import java.util.Optional;

/**
 * The node's own updates, as the owner sees and steers them (docs/updates.md). The page only
 * reads the updater's state and records wishes; the install runs in its own service.
 */
public interface UpdateControl {

    /**
     * @param installed   the running version
     * @param available   a newer version this box may install, with its notes
     * @param automatic   "Install automatically" (on by default)
     * @param onTrial     a new version is in its health trial right now
     * @param lastCheck   when and how the feed was last checked, in words
     * @param lastOutcome how the last update ended (installed, rolled back and why, refused and why)
     * @param off         why updates cannot work on this box at all (no feed, no key), if so
     */
    record Status(String installed, Optional<Available> available, boolean automatic, boolean onTrial,
                  String lastCheck, Optional<String> lastOutcome, Optional<String> off) {}

    record Available(String version, String notes, String notesUrl) {}

    Status status();

    /** "Install now" for {@code version}. */
    void installNow(String version);

    void setAutomatic(boolean on);

    void checkNow();

    /** Updates not wired (a developer PC, tests of other pages). */
    UpdateControl NONE = new UpdateControl() {
        @Override
        public Status status() {
            return new Status("", Optional.empty(), false, false, "never", Optional.empty(),
                    Optional.of("Updates are handled by the box's updater, which is not installed here."));
        }

        @Override
        public void installNow(String version) {
        }

        @Override
        public void setAutomatic(boolean on) {
        }

        @Override
        public void checkNow() {
        }
    };
}
