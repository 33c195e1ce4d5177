package network.mask.node.daemon;

/** One line per log record (java.util.logging's default takes two), unless the operator chose a format. */
public final class LogFormat {

    private static final String PROPERTY = "java.util.logging.SimpleFormatter.format";

    private LogFormat() {}

    public static void install() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
            try {
                java.util.logging.LogManager.getLogManager().readConfiguration();
            } catch (java.io.IOException e) {
                // keep the JDK default format
            }
        }
    }
}
