package network.mask.webui.web;

import static network.mask.webui.web.Html.esc;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import network.mask.webui.security.Session;
import network.mask.webui.spi.NodeSettings;
import network.mask.webui.validation.FieldErrors;
import network.mask.webui.validation.PasswordRules;

/** The dashboard: figures rendered now and kept fresh by dashboard.js over SSE, plus the owner's actions. */
final class DashboardPage {

    private final AdminContext ctx;

    DashboardPage(AdminContext ctx) {
        this.ctx = ctx;
    }

    void register(HttpRules rules) {
        rules.get("/", this::home).get("/dashboard", this::show);
    }

    /** Owners land on the dashboard once the wizard's essentials are in, else on the wizard. */
    private void home(ServerRequest req, ServerResponse res) {
        Respond.redirect(res, SettingsForm.complete(ctx.backend.settings().read()) ? "/dashboard" : SetupStep.NODE.path());
    }

    private void show(ServerRequest req, ServerResponse res) {
        Visit visit = Posts.visit(req);
        Respond.html(res, Status.OK_200, render(visit, visit.session().orElseThrow(), new FieldErrors(), ""));
    }

    /** Also used by the action handlers to show the page again with a form's errors. */
    String render(Visit visit, Session session, FieldErrors errors, String notice) {
        NodeSettings settings = ctx.backend.settings().read();
        DashboardView v = DashboardView.of(ctx.backend.dashboard().snapshot());
        String csrf = Fields.csrf(session.csrfToken());
        StringBuilder b = new StringBuilder(8192);
        b.append(ctx.restartNotice.html(ctx, session)).append(notice).append(Fields.errorSummary(errors));
        b.append("<p class=\"live\" id=\"live-status\" role=\"status\">Live figures: connecting…</p>");
        b.append(StatusCard.html(ctx.backend.dashboard().status()));
        b.append("<section class=\"card status\" aria-labelledby=\"status-title\"><h2 id=\"status-title\">")
                .append(esc(settings.name().isEmpty() ? "Your node" : settings.name())).append("</h2>")
                .append("<div class=\"led-row\"><svg class=\"led\" viewBox=\"0 0 20 20\" width=\"32\" height=\"32\" aria-hidden=\"true\">")
                .append("<circle id=\"led-lamp\" cx=\"10\" cy=\"10\" r=\"8\" fill=\"").append(v.ledColour()).append('"')
                .append(v.ledBlinking() ? " class=\"blink\"" : "").append("/></svg>")
                .append("<p><span class=\"label\">Status light:</span> <span id=\"led-meaning\">").append(esc(v.ledMeaning()))
                .append("</span></p></div></section>");
        b.append("<section class=\"card\" aria-labelledby=\"traffic-title\"><h2 id=\"traffic-title\">Traffic</h2>")
                .append("<svg id=\"chart\" class=\"chart\" viewBox=\"0 0 300 100\" preserveAspectRatio=\"none\" role=\"img\" ")
                .append("aria-labelledby=\"chart-title\"><title id=\"chart-title\">Packets per second over the last minutes</title>")
                .append("<polyline id=\"line-in\" class=\"series-in\" points=\"\"/><polyline id=\"line-out\" class=\"series-out\" points=\"\"/>")
                .append("<polyline id=\"line-dropped\" class=\"series-dropped\" points=\"\"/></svg>")
                .append("<p class=\"legend\"><span class=\"key-in\">In</span> <span class=\"key-out\">Out</span> ")
                .append("<span class=\"key-dropped\">Dropped</span> <span id=\"chart-max\" class=\"hint\"></span></p>")
                .append("<dl class=\"figures\">")
                .append(figure("Packets in", "rate-in", v.in())).append(figure("Packets out", "rate-out", v.out()))
                .append(figure("Dropped", "rate-dropped", v.dropped())).append(figure("Queue", "queue", v.queue()))
                .append(figure("Peers", "peers", v.peers())).append("</dl></section>");
        b.append(HistoryRoute.section(ctx.backend.dashboard())).append(PublicViewCard.section(ctx.backend.dashboard().publicView()));
        b.append("<section class=\"card\" aria-labelledby=\"system-title\"><h2 id=\"system-title\">System</h2><dl class=\"figures\">")
                .append(figure("Uptime", "uptime", v.uptime())).append(figure("Version", "version", v.version()))
                .append(figure("CPU temperature", "cpu-temperature", v.cpuTemperature()))
                .append(figure("Memory", "memory", v.memory())).append(figure("Disk", "disk", v.disk()))
                .append(ctx.backend.dashboard().homeAssistant().map(words -> figure("Home Assistant", "home-assistant", words)).orElse(""))
                .append("</dl>");
        ctx.tlsFingerprint.ifPresent(fp -> b.append("<p class=\"hint\">This page's certificate fingerprint (SHA-256): ")
                .append("<code id=\"tls-fingerprint\" class=\"wrap\">").append(esc(fp)).append("</code>. Compare it with the one "
                        + "your browser shows and with the node's log.</p>"));
        b.append("</section>");
        b.append("<section class=\"card\" aria-labelledby=\"log-title\"><h2 id=\"log-title\">Log</h2><pre id=\"log\" tabindex=\"0\">")
                .append(esc(String.join("\n", v.log()))).append("</pre></section>");
        b.append("<section class=\"card\" aria-labelledby=\"actions-title\"><h2 id=\"actions-title\">Actions</h2>")
                .append("<div class=\"buttons\"><form method=\"post\" action=\"/actions/identify\">").append(csrf)
                .append("<button type=\"submit\" id=\"identify\" class=\"secondary\">Identify (blink the lights)</button></form>")
                .append("<form method=\"post\" action=\"/actions/identify/stop\">").append(csrf)
                .append("<button type=\"submit\" id=\"identify-stop\" class=\"secondary\">Stop blinking</button></form>")
                .append("<form method=\"post\" action=\"/actions/restart\">").append(csrf)
                .append("<button type=\"submit\" id=\"restart\" class=\"secondary\">Restart the node</button></form></div>");
        b.append("<p>Backup, restore and factory reset are on the <a href=\"/maintenance\" id=\"maintenance-link\">Maintenance</a> page.</p>")
                .append("</section>");
        return Layout.page("Dashboard", visit, b.toString(), "status.js", "dashboard.js", "history.js");
    }

    private static String figure(String label, String id, String value) {
        return "<div><dt>" + esc(label) + "</dt><dd id=\"" + id + "\">" + esc(value) + "</dd></div>";
    }
}
