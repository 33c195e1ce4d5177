package network.mask.webui.web;

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

    private final AdminContext ctx;
    private final DashboardPage dashboard;

    ActionHandlers(AdminContext ctx, DashboardPage dashboard) {
        this.ctx = ctx;
        this.dashboard = dashboard;
    }

    void register(HttpRules rules) {
        rules.post("/actions/identify", Posts.csrfChecked(ctx, this::identify))
                .post("/actions/identify/stop", Posts.csrfChecked(ctx, this::stopIdentifying))
                .post("/actions/restart", Posts.csrfChecked(ctx, this::restart))
                .post("/actions/factory-reset", Posts.csrfChecked(ctx, this::factoryReset));
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
        LOG.log(System.Logger.Level.INFO, "restart requested from the setup page");
        ctx.backend.control().restart();
        Respond.html(res, Status.OK_200, Layout.message("Restarting", visit,
                "The node is restarting. The dashboard works again in about a minute.", "/dashboard", "Back to the dashboard"));
    }

    private void factoryReset(ServerRequest req, ServerResponse res, Visit visit, Session session, Form form) throws IOException {
        FieldErrors errors = new FieldErrors();
        if (!ReenteredPassword.check(ctx, visit, res, form.get("resetPassword"), "resetPassword",
                "Enter your password to confirm the reset.", errors)) {
            return;
        }
        if (form.get("resetConfirm") == null || form.get("resetConfirm").isEmpty()) {
            errors.add("resetConfirm", "Tick the box to confirm that the keys will be erased.");
        }
        if (!errors.isEmpty()) {
            Respond.invalid(ctx, res, dashboard.render(visit, session, errors, ""));
            return;
        }
        ctx.throttle.recordSuccess(visit.client());
        LOG.log(System.Logger.Level.WARNING, "factory reset requested from " + visit.client().getHostAddress());
        ctx.backend.control().factoryReset();
        ctx.sessions.invalidateAll();
        ctx.forgetClaim();
        ctx.cookie.clear(res);
        Respond.html(res, Status.OK_200, Layout.message("Resetting", new Visit(visit.client(), java.util.Optional.empty()),
                "The box is erasing its keys and settings and will restart. Then open this page again to claim it.",
                "/", "Open the setup page"));
    }
}
