package network.mask.webui.web;

import network.mask.webui.OwnerLog;
import java.io.IOException;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import network.mask.webui.security.Session;
import network.mask.webui.validation.FieldErrors;

/** Identify, restart and factory reset. Reset asks for the password again and counts towards the throttle. */
final class ActionHandlers {

    private static final System.Logger LOG = System.getLogger(ActionHandlers.class.getName());

    /** How long the page waits before the node stops, so the "Restarting" page's own files still load. */
    static final java.time.Duration RESTART_GRACE = java.time.Duration.ofMillis(1500);

    private final AdminContext ctx;
    private final MaintenancePage dashboard;

    ActionHandlers(AdminContext ctx, MaintenancePage maintenance) {
        this.ctx = ctx;
        this.dashboard = maintenance;
    }

    void register(HttpRules rules) {
        rules.post("/actions/identify", Posts.csrfChecked(ctx, this::identify))
                .post("/actions/identify/stop", Posts.csrfChecked(ctx, this::stopIdentifying))
                .post("/actions/restart", Posts.csrfChecked(ctx, this::restart))
                .post("/actions/factory-reset", Posts.csrfChecked(ctx, this::factoryReset))
                .get("/alive", (req, res) -> {
                    // Polled by the "Restarting" page: a new id means the restarted node answers.
                    res.header("Cache-Control", "no-store");
                    Respond.plain(res, io.helidon.http.Status.OK_200, ctx.bootId);
                });
    }

    private void identify(ServerRequest req, ServerResponse res, Visit visit, Session session, Form form) {
        ctx.backend.control().identify();
        session.flash("The lights on the box blink for 30 seconds so you can find it. \"Stop blinking\" ends it sooner.");
        Respond.redirect(res, "/dashboard");
    }

    private void stopIdentifying(ServerRequest req, ServerResponse res, Visit visit, Session session, Form form) {
        ctx.backend.control().stopIdentifying();
        session.flash("The lights are back to normal.");
        Respond.redirect(res, "/dashboard");
    }

    private void restart(ServerRequest req, ServerResponse res, Visit visit, Session session, Form form) {
        OwnerLog.note("Restart requested from the setup page");
        // A moment's grace, so the browser can still fetch the "Restarting" page's style sheet and script.
        Thread.ofVirtual().name("restart-request").start(() -> {
            try {
                Thread.sleep(RESTART_GRACE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ctx.backend.control().restart();
        });
        // restart.js polls /alive until another boot id answers, then returns to the dashboard; the session survives.
        Respond.html(res, Status.OK_200, Layout.page("Restarting", visit,
                "<p id=\"restart-progress\" role=\"status\" data-boot=\"" + Html.esc(ctx.bootId) + "\">"
                        + "The node is restarting. This page returns to the dashboard by itself when it is back, usually "
                        + "within a few seconds.</p><p><a href=\"/dashboard\">Back to the dashboard</a></p>", "restart.js"));
    }

    private void factoryReset(ServerRequest req, ServerResponse res, Visit visit, Session session, Form form) throws IOException {
        FieldErrors errors = new FieldErrors();
        if (!ReenteredPassword.check(ctx, visit, res, form.get("resetPassword"), "resetPassword",
                "Enter your password to confirm the reset.", errors)) {
            return;
        }
        if (ctx.backend.bondingKeys().bondedNodeId().isPresent()
                && (form.get("resetBackupDone") == null || form.get("resetBackupDone").isEmpty())) {
            errors.add("resetBackupDone", "This node is bonded: download a backup first (or unbond it in the wallet), then tick the box.");
        }
        if (form.get("resetConfirm") == null || form.get("resetConfirm").isEmpty()) {
            errors.add("resetConfirm", "Tick the box to confirm that the keys will be erased.");
        }
        if (!errors.isEmpty()) {
            Respond.invalid(ctx, res, dashboard.render(visit, session, errors, ""));
            return;
        }
        ctx.throttle.recordSuccess(visit.client());
        OwnerLog.note("Factory reset requested from " + visit.client().getHostAddress());
        ctx.backend.control().factoryReset();
        ctx.sessions.invalidateAll();
        ctx.forgetClaim();
        ctx.cookie.clear(res);
        Respond.html(res, Status.OK_200, Layout.message("Resetting", new Visit(visit.client(), java.util.Optional.empty()),
                "The box is erasing its keys and settings and will restart. Then open this page again to claim it.",
                "/", "Open the setup page"));
    }
}
