package network.mask.node.cli;

import java.util.List;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How much {@code masknode run} prints on a terminal. Someone starting the node by hand sees the
 * few lines the README shows (claim code, "ready", the addresses) and any warning; the start-up
 * details (LED patterns, replay-filter sizes, crypto backends, web-server banners) stay in the log
 * at their own level, which is where systemd's journal, the dashboard's log tail and tests read
 * them. {@code --verbose} (or {@code MASKNODE_CONSOLE=verbose}) prints everything on the terminal
 * too; {@code MASKNODE_CONSOLE=brief} asks for the brief form without a terminal.
 */
public final class ConsoleDetail {

    public static final String ENV = "MASKNODE_CONSOLE";
    public static final List<String> VERBOSE_FLAGS = List.of("--verbose", "-v");

    private ConsoleDetail() {}

    /** Whether the console shows only warnings and the command's own lines. */
    public static boolean brief(boolean verboseFlag, boolean terminal, Map<String, String> env) {
        if (verboseFlag) return false;
        String chosen = env.getOrDefault(ENV, "");
        if (chosen.equals("verbose")) return false;
        if (chosen.equals("brief")) return true;
        return terminal && env.get("JOURNAL_STREAM") == null;   // the journal is the log: keep it whole
    }

    /** Whether stdout is an interactive terminal. */
    public static boolean onTerminal() {
        java.io.Console c = System.console();
        return c != null && c.isTerminal();
    }

    /** Raises the console handlers of the root logger to WARNING; other handlers (the log tail) keep everything. */
    public static void applyBrief() {
        for (Handler h : Logger.getLogger("").getHandlers()) {
            if (h instanceof ConsoleHandler) h.setLevel(Level.WARNING);
        }
    }
}
