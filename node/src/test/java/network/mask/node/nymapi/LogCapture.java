package network.mask.node.nymapi;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what one logger writes, to count how often something was said. */
final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    final List<LogRecord> records = new CopyOnWriteArrayList<>();

    LogCapture(Class<?> source) {
        logger = Logger.getLogger(source.getName());
        logger.addHandler(this);
        logger.setLevel(Level.ALL);
    }

    long count(Level level, String contains) {
        return records.stream().filter(r -> r.getLevel().equals(level) && r.getMessage().contains(contains)).count();
    }

    @Override public void publish(LogRecord record) { records.add(record); }
    @Override public void flush() {}
    @Override public void close() { logger.removeHandler(this); }
}
