package network.mask.webui.security;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.Map;

/**
 * Tells the owner, in plain words, that someone is knocking: wrong passwords, refused claims,
 * throttled guessing, oversized posts, refused backups. The lines go to the node's log, whose
 * tail the dashboard shows. The first event of a kind is logged at once; further events of that
 * kind within {@link #WINDOW} are only counted and summed up in one line when the next event
 * after the window arrives, so a flood writes at most one line per kind per minute.
 */
public final class AttackLog {

    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final System.Logger LOG = System.getLogger(AttackLog.class.getName());

    /** What happened, with the words the owner reads. */
    public enum Kind {
        WRONG_PASSWORD("wrong password"),
        WRONG_CLAIM_CODE("wrong one-time claim code"),
        CLAIM_WITHOUT_PROOF("claim attempt without a code and without an unused button press"),
        THROTTLED("attempt refused: too many wrong passwords or claim codes, it must wait"),
        REFUSED_FORM("form post refused (no session, expired form or another site)"),
        OVERSIZED_POST("form post refused: larger than the page accepts"),
        REFUSED_BACKUP("backup restore refused");

        private final String words;

        Kind(String words) {
            this.words = words;
        }
    }

    private final InstantSource clock;
    private final Map<Kind, Window> windows = new EnumMap<>(Kind.class);

    public AttackLog(InstantSource clock) {
        this.clock = clock;
    }

    private static final class Window {
        Instant lastLine = Instant.MIN;
        long unlogged;
        String lastClient = "";
    }

    /** Records one event from {@code client}; writes a log line unless one was written for this kind within the window. */
    public void note(Kind kind, InetAddress client) {
        String from = client.getHostAddress();
        String line;
        synchronized (windows) {
            Window w = windows.computeIfAbsent(kind, k -> new Window());
            Instant now = clock.instant();
            if (now.isBefore(w.lastLine.plus(WINDOW))) {
                w.unlogged++;
                w.lastClient = from;
                return;
            }
            line = "setup page, " + from + ": " + kind.words + (w.unlogged == 0 ? ""
                    : " (and " + w.unlogged + " more since the last such line, latest from " + w.lastClient + ")");
            w.lastLine = now;
            w.unlogged = 0;
        }
        LOG.log(System.Logger.Level.WARNING, line);
    }
}
