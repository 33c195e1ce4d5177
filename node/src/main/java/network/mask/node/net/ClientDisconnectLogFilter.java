package network.mask.node.net;

import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps "a client went away in the middle of its request" out of the log. Helidon logs each such
 * connection as a WARNING "Internal server error" with a 17-line stack trace (its DataReader ran
 * out of data while reading the header): the soak's slow-header flood wrote 1,872 of them in three
 * seconds, so any client that opens and drops connections could flood the journal and push the
 * owner's lines out of the dashboard's log. They are counted instead ({@link #suppressed}).
 * Every other warning of that logger passes.
 */
public final class ClientDisconnectLogFilter implements Filter {

    /** Helidon's HTTP/1 connection logger (helidon-webserver 4.5, Http1Connection). */
    static final String LOGGER = "io.helidon.webserver.http1.Http1Connection";
    private static final String CLIENT_GONE = "io.helidon.common.buffers.DataReader$InsufficientDataAvailableException";

    /** Held strongly: java.util.logging keeps loggers only weakly, and would forget the filter. */
    private static Logger held;
    private static final AtomicLong SUPPRESSED = new AtomicLong();

    /** Installs the filter; call after the logging configuration is read (reading it again resets filters). */
    public static synchronized void install() {
        held = Logger.getLogger(LOGGER);
        held.setFilter(new ClientDisconnectLogFilter());
    }

    /** Client disconnects kept out of the log since start. */
    public static long suppressed() {
        return SUPPRESSED.get();
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            if (t.getClass().getName().equals(CLIENT_GONE)) {
                SUPPRESSED.incrementAndGet();
                return false;
            }
        }
        return true;
    }
}
