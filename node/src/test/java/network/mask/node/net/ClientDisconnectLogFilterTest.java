package network.mask.node.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import io.helidon.common.buffers.DataReader;
import org.junit.jupiter.api.Test;

/** A client that drops its connection mid-request is counted, not logged; other warnings still are. */
class ClientDisconnectLogFilterTest {

    @Test
    void clientGoneIsSuppressedAndCountedOtherErrorsPass() {
        ClientDisconnectLogFilter filter = new ClientDisconnectLogFilter();
        long before = ClientDisconnectLogFilter.suppressed();
        LogRecord gone = new LogRecord(Level.WARNING, "Internal server error");
        gone.setThrown(new RuntimeException("Internal error", new DataReader.InsufficientDataAvailableException()));
        assertFalse(filter.isLoggable(gone));
        assertEquals(before + 1, ClientDisconnectLogFilter.suppressed());

        LogRecord real = new LogRecord(Level.WARNING, "Internal server error");
        real.setThrown(new RuntimeException("Internal error", new IllegalStateException("a bug in a route")));
        assertTrue(filter.isLoggable(real));
        assertTrue(filter.isLoggable(new LogRecord(Level.WARNING, "no exception at all")));
        assertEquals(before + 1, ClientDisconnectLogFilter.suppressed());
    }
}
