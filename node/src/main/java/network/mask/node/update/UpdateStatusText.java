package network.mask.node.update;

/** The update state in plain words, for the command line (the page and MQTT show the same fields). */
public final class UpdateStatusText {

    private UpdateStatusText() {}

    public static String of(UpdateState s) {
        StringBuilder b = new StringBuilder();
        b.append("Installed: ").append(s.installed.isEmpty() ? "unknown" : s.installed);
        if (!s.good.isEmpty() && !s.good.equals(s.installed)) b.append(" (last good: ").append(s.good).append(')');
        b.append('\n');
        if (s.gate != null) b.append("On trial: ").append(s.gate.version()).append(" (the box rolls back by itself if it fails)\n");
        if (s.lastCheck == null) {
            b.append("Last check: never\n");
        } else {
            b.append("Last check: ").append(s.lastCheck.at()).append(", ").append(s.lastCheck.ok() ? "" : s.lastCheck.error() + ": ")
                    .append(s.lastCheck.message()).append('\n');
            s.available().ifPresent(r -> {
                b.append("Available: ").append(r.version()).append('\n');
                if (!r.notes().isEmpty()) b.append("  ").append(r.notes().replace("\n", "\n  ")).append('\n');
                if (!r.notesUrl().isEmpty()) b.append("  ").append(r.notesUrl()).append('\n');
            });
        }
        if (s.lastOutcome != null) {
            var o = s.lastOutcome;
            b.append("Last update: ").append(o.version()).append(' ').append(o.result().replace('_', ' '))
                    .append(" at ").append(o.at());
            if (!o.reason().isEmpty()) b.append(": ").append(o.reason());
            b.append('\n');
        }
        return b.toString().stripTrailing();
    }
}
