package network.mask.node.setuppage;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import network.mask.webui.OwnerLog;

/**
 * The owner's log for the dashboard ({@link OwnerLog} lines in plain words, and problems at
 * WARNING or above from anywhere; developer detail stays in the journal). The last log lines for the dashboard's log tail: a bounded ring fed by java.util.logging.
 * Log lines are secret-free by the project's rules; the one deliberate exception, the one-time
 * claim code, is kept out here (it is for the console and journal only).
 */
public final class LogRing extends Handler {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final String CLAIM_LOGGER = "network.mask.webui.claim.OneTimeClaimCode";
    private static final int MAX_LINE = 300;

    private final int capacity;
    private final ArrayDeque<String> lines;
    private final SimpleFormatter messages = new SimpleFormatter();

    public LogRing(int capacity) {
        this.capacity = capacity;
        this.lines = new ArrayDeque<>(capacity);
        setLevel(Level.INFO);
    }

    /** Adds a ring to the root logger; remove it with {@link #uninstall}. */
    public static LogRing install(int capacity) {
        LogRing ring = new LogRing(capacity);
        Logger.getLogger("").addHandler(ring);
        return ring;
    }

    public void uninstall() {
        Logger.getLogger("").removeHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || !isLoggable(record) || CLAIM_LOGGER.equals(record.getLoggerName())) return;
        boolean owner = OwnerLog.LOGGER.equals(record.getLoggerName());
        // The owner's lines, and problems from anywhere; developer detail stays in the journal.
        if (!owner && record.getLevel().intValue() < Level.WARNING.intValue()) return;
        String text = messages.formatMessage(record);
        if (record.getThrown() != null) text += " (" + record.getThrown() + ")";
        text = text.replace('\n', ' ').replace('\r', ' ');
        if (text.length() > MAX_LINE) text = text.substring(0, MAX_LINE) + "...";
        String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
        String time = TIME.format(Instant.ofEpochMilli(record.getMillis()));
        String line = owner ? time + (record.getLevel().intValue() >= Level.WARNING.intValue() ? " Problem: " : " ") + text
                : time + " " + record.getLevel().getName() + " " + logger.substring(logger.lastIndexOf('.') + 1) + ": " + text;
        synchronized (lines) {
            if (lines.size() == capacity) lines.removeFirst();
            lines.addLast(line);
        }
    }

    /** The last {@code max} lines, oldest first. */
    public List<String> tail(int max) {
        synchronized (lines) {
            return lines.stream().skip(Math.max(0, lines.size() - max)).toList();
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
