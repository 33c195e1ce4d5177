package network.mask.webui.web;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;
import jakarta.json.JsonObject;

/** {@code GET /history}: the box's kept history as JSON for history.js (owner only, like every page). */
final class HistoryRoute {

    private final AdminContext ctx;

    HistoryRoute(AdminContext ctx) {
        this.ctx = ctx;
    }

    void register(HttpRules rules) {
        rules.get("/history", this::show);
    }

    private void show(ServerRequest req, ServerResponse res) {
        Optional<JsonObject> history = ctx.backend.dashboard().history();
        if (history.isEmpty()) {
            Respond.plain(res, Status.NOT_FOUND_404, "This node keeps no history.\n");
            return;
        }
        res.status(Status.OK_200);
        res.header("Content-Type", "application/json");
        res.send(history.get().toString());
    }

    /**
     * The dashboard's history card, filled by history.js; none where the node keeps no history
     * (then history.js finds no card and does nothing).
     */
    static String section(network.mask.webui.spi.DashboardSource source) {
        if (source.history().isEmpty()) return "";
        return "<section class=\"card\" aria-labelledby=\"history-title\" id=\"history\"><h2 id=\"history-title\">History</h2>"
                + "<dl class=\"figures\"><div><dt>Packets today</dt><dd id=\"packets-today\">…</dd></div>"
                + "<div><dt>Since first start</dt><dd id=\"packets-total\">…</dd></div>"
                + "<div><dt>Kept since</dt><dd id=\"history-since\">…</dd></div></dl>"
                + "<h3>Packets per minute, last 48 hours</h3><div class=\"history-chart\" id=\"chart-minutes\"></div>"
                + "<h3>On and seen by the network, last 48 hours</h3><div class=\"history-chart\" id=\"chart-strip\"></div>"
                + "<h3>Packets per hour, last 30 days</h3><div class=\"history-chart\" id=\"chart-hours\"></div>"
                + "<h3>CPU temperature, last 24 hours</h3><div class=\"history-chart\" id=\"chart-temperature\"></div>"
                + "<h3>Estimated rewards per day, last 30 days</h3><div class=\"history-chart\" id=\"chart-rewards\"></div>"
                + "<p class=\"hint\" id=\"history-status\">The charts need JavaScript.</p></section>";
    }
}
