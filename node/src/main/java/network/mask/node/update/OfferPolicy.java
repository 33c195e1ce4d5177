package network.mask.node.update;

import java.util.Comparator;
import java.util.Optional;

/**
 * Which release a box may install: only newer than what it runs (never a downgrade; going back is
 * rollback's job), and only if its {@code minimum_previous} allows the installed version.
 */
public final class OfferPolicy {

    private OfferPolicy() {}

    /**
     * The newest release this box may install directly, or empty when it is up to date. A newer
     * release that needs a stepping stone the feed lacks is {@link UpdateError#BELOW_MINIMUM}.
     */
    public static Optional<Release> offer(Feed feed, SemVer installed) throws UpdateException {
        Optional<Release> newest = feed.releases().stream().filter(r -> r.version().isNewerThan(installed))
                .max(Comparator.comparing(Release::version));
        if (newest.isEmpty()) return Optional.empty();
        Optional<Release> direct = feed.releases().stream()
                .filter(r -> r.version().isNewerThan(installed) && !r.minimumPrevious().isNewerThan(installed))
                .max(Comparator.comparing(Release::version));
        if (direct.isEmpty()) {
            throw new UpdateException(UpdateError.BELOW_MINIMUM, newest.get().version() + " needs at least "
                    + newest.get().minimumPrevious() + " installed first; this box runs " + installed);
        }
        return direct;
    }

    /** The owner asked for {@code wanted} by name ("Install now" for a listed version). */
    public static Release requested(Feed feed, SemVer installed, SemVer wanted) throws UpdateException {
        Release r = feed.find(wanted).orElseThrow(() -> new UpdateException(UpdateError.NOT_OFFERED, wanted + " is not in the feed"));
        if (!r.version().isNewerThan(installed)) {
            throw new UpdateException(UpdateError.DOWNGRADE, wanted + " is not newer than the installed " + installed);
        }
        if (r.minimumPrevious().isNewerThan(installed)) {
            throw new UpdateException(UpdateError.BELOW_MINIMUM, wanted + " needs at least " + r.minimumPrevious()
                    + " installed first; this box runs " + installed);
        }
        return r;
    }
}
