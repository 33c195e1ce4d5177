package network.mask.webui;

/**
 * The owner's log: what the box did, in the owner's words ("Logged in from 192.168.1.5",
 * "Backup downloaded", "Home Assistant connected"). These lines, and problems at WARNING or above
 * from anywhere, make the dashboard's log; developer detail stays in the journal only. Every
 * line goes to the journal too. Lines must be free of secrets, like every log line.
 */
public final class OwnerLog {

    /** The logger name the dashboard's log tail picks out. */
    public static final String LOGGER = "masknode.owner";
    private static final System.Logger LOG = System.getLogger(LOGGER);

    private OwnerLog() {}

    /** Something the owner did or should know happened. */
    public static void note(String words) {
        LOG.log(System.Logger.Level.INFO, words);
    }

    /** Something the owner should fix or look at, with the fix in the words. */
    public static void problem(String words) {
        LOG.log(System.Logger.Level.WARNING, words);
    }
}
