package network.mask.webui.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import network.mask.webui.spi.DashboardSnapshot;

/**
 * A snapshot turned into display text, once, for both the first page render and the live
 * stream, so the browser script only copies text into place. The log keeps the newest
 * {@code LOG_LINES} lines and lists them newest first (the snapshot gives them oldest first),
 * so the latest line is at the top of the page.
 */
record DashboardView(
        double inRate, double outRate, double droppedRate,
        String in, String out, String dropped, String queue, String peers, String uptime, String version,
        String cpuTemperature, String memory, String disk,
        String ledColour, boolean ledBlinking, String ledMeaning, List<String> log) {

    private static final Pattern HEX_COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final String LED_OFF = "#3a3a3a";
    private static final int LOG_LINES = 100;
    private static final int LOG_LINE_MAX = 500;

    static DashboardView of(DashboardSnapshot s) {
        DashboardSnapshot.LedState led = s.led();
        String colour = !led.lit() ? LED_OFF : HEX_COLOUR.matcher(led.colour()).matches() ? led.colour().toLowerCase(Locale.ROOT) : "#808080";
        List<String> tail = s.logTail();
        List<String> log = tail.subList(Math.max(0, tail.size() - LOG_LINES), tail.size()).reversed().stream()
                .map(l -> l.length() > LOG_LINE_MAX ? l.substring(0, LOG_LINE_MAX) + "…" : l).toList();
        return new DashboardView(
                finite(s.packetsInPerSecond()), finite(s.packetsOutPerSecond()), finite(s.droppedPerSecond()),
                rate(s.packetsInPerSecond()), rate(s.packetsOutPerSecond()), rate(s.droppedPerSecond()),
                Integer.toString(s.queueDepth()), Integer.toString(s.peers()), uptime(s.uptime()), s.version(),
                s.cpuTemperatureCelsius().isPresent() ? String.format(Locale.ROOT, "%.1f °C", s.cpuTemperatureCelsius().getAsDouble())
                        : "not available",
                s.memory().map(DashboardView::usage).orElse("not available"),
                s.disk().map(DashboardView::usage).orElse("not available"),
                colour, led.lit() && led.blinking(), led.meaning(), log);
    }

    String json() {
        return json(java.util.Optional.empty());
    }

    /** The live figures, with Home Assistant's connection in words when the node reports it (so it changes without a reload). */
    String json(java.util.Optional<String> homeAssistant) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        log.forEach(lines::add);
        jakarta.json.JsonObjectBuilder b = Json.createObjectBuilder();
        homeAssistant.ifPresent(words -> b.add("homeAssistant", words));
        return b
                .add("inRate", inRate).add("outRate", outRate).add("droppedRate", droppedRate)
                .add("in", in).add("out", out).add("dropped", dropped)
                .add("queue", queue).add("peers", peers).add("uptime", uptime).add("version", version)
                .add("cpuTemperature", cpuTemperature).add("memory", memory).add("disk", disk)
                .add("ledColour", ledColour).add("ledBlinking", ledBlinking).add("ledMeaning", ledMeaning)
                .add("log", lines)
                .build().toString();
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.1f/s", finite(perSecond));
    }

    static String uptime(Duration d) {
        long s = Math.max(0, d.toSeconds());
        long days = s / 86_400;
        long hours = (s % 86_400) / 3600;
        long minutes = (s % 3600) / 60;
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + minutes + " min";
        }
        return minutes > 0 ? minutes + " min" : s + " s";
    }

    static String usage(DashboardSnapshot.Usage u) {
        if (u.totalBytes() <= 0) {
            return "not available";
        }
        long percent = Math.round(100.0 * u.usedBytes() / u.totalBytes());
        return bytes(u.usedBytes()) + " of " + bytes(u.totalBytes()) + " (" + percent + " %)";
    }

    static String bytes(long n) {
        if (n >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", n / (double) (1L << 30));
        }
        if (n >= 1L << 20) {
            return String.format(Locale.ROOT, "%.0f MB", n / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.0f kB", n / 1024.0);
    }

    private static double finite(double v) {
        return Double.isFinite(v) && v > 0 ? v : 0.0;
    }
}
