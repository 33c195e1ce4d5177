package network.mask.node.telemetry;

import java.util.Optional;

/**
 * The node's own updates for Home Assistant's {@code update} entity (docs/updates.md): what is
 * installed, what is offered, and "Install" (which only records the wish; the box's updater installs).
 */
public interface FirmwareUpdates {

    /**
     * Home Assistant's update state fields.
     *
     * @param latest     the offered version, or the installed one when up to date
     * @param releaseUrl empty when the release has no notes page
     * @param inProgress a new version is in its health trial
     */
    record Info(String installed, String latest, String title, String summary, String releaseUrl, boolean inProgress) {}

    /** Empty when this box cannot update itself: then there is no update entity. */
    Optional<Info> info();

    void install();

    FirmwareUpdates NONE = new FirmwareUpdates() {
        @Override
        public Optional<Info> info() {
            return Optional.empty();
        }

        @Override
        public void install() {
        }
    };
}
