package network.mask.node.update;

/** Why a check or an install did not go ahead; the name is what state.json and the counters show. */
public enum UpdateError {
    NO_FEED("no update feed is configured (feed_url in /etc/masknode/update.properties)"),
    NO_KEY("this box has no release key, so it cannot trust any update; reflash a released image"),
    FEED_UNREACHABLE("the update server could not be reached; the box tries again later"),
    FEED_TIMEOUT("the update server did not answer in time; the box tries again later"),
    FEED_HTTP_STATUS("the update server answered with an error; the box tries again later"),
    FEED_TOO_LARGE("the update feed is larger than any real feed; it was not read"),
    BAD_SIGNATURE("the update feed is not signed by the Mask Node release key; nothing was installed"),
    UNKNOWN_KEY("the update feed is signed by a different key than this box trusts; nothing was installed"),
    FEED_MALFORMED("the update feed could not be read; nothing was installed"),
    FEED_REPLAYED("the update server sent an older feed than it sent before; nothing was installed"),
    DOWNGRADE("that version is not newer than the installed one; going back happens only by rollback"),
    BELOW_MINIMUM("this version is too old to install the update directly; install the version named first"),
    NOT_OFFERED("that version is not in the update feed"),
    BUNDLE_TOO_LARGE("the update is larger than allowed; nothing was installed"),
    BUNDLE_TRUNCATED("the download of the update broke off; nothing was installed, the box tries again later"),
    BAD_HASH("the downloaded update does not match its signed checksum; nothing was installed"),
    BUNDLE_MALFORMED("the update's archive is not a Mask Node bundle; nothing was installed"),
    BUNDLE_VERSION_MISMATCH("the update's archive holds a different version than the feed says; nothing was installed"),
    DISK("the update could not be written to the SD card (full or failing?); nothing was switched");

    private final String plainWords;

    UpdateError(String plainWords) {
        this.plainWords = plainWords;
    }

    /** What the owner reads, naming the fix where there is one. */
    public String plainWords() {
        return plainWords;
    }
}
