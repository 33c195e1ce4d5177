package network.mask.node.update;

import java.util.HashMap;
import java.util.Map;

/**
 * What systemd says about the node's unit at one moment ({@code systemctl show}). With
 * {@code Type=notify} the unit is {@code active/running} only after the node's {@code READY=1};
 * {@code watchdogMonotonic} moves on with every {@code WATCHDOG=1}, which the node sends only
 * while its own health check passes.
 */
public record ServiceObservation(String activeState, String subState, long mainPid, long restarts,
                                 long startedMonotonic, long watchdogMonotonic) {

    static final String PROPERTIES = "ActiveState,SubState,MainPID,NRestarts,ExecMainStartTimestampMonotonic,WatchdogTimestampMonotonic";

    public boolean running() {
        return activeState.equals("active") && subState.equals("running") && mainPid > 0;
    }

    public boolean failed() {
        return activeState.equals("failed");
    }

    /** Parses {@code systemctl show -p ...} output ({@code Key=value} lines). */
    public static ServiceObservation parse(String text) {
        Map<String, String> v = new HashMap<>();
        for (String line : text.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) v.put(line.substring(0, eq), line.substring(eq + 1).strip());
        }
        return new ServiceObservation(v.getOrDefault("ActiveState", "unknown"), v.getOrDefault("SubState", "unknown"),
                number(v.get("MainPID")), number(v.get("NRestarts")), number(v.get("ExecMainStartTimestampMonotonic")),
                number(v.get("WatchdogTimestampMonotonic")));
    }

    private static long number(String s) {
        if (s == null || s.isEmpty()) return 0;
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return activeState + "/" + subState + " pid " + mainPid + " restarts " + restarts;
    }
}
