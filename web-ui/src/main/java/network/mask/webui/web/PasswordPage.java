package network.mask.webui.web;

import network.mask.webui.OwnerLog;
import java.io.IOException;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import network.mask.webui.security.Session;
import network.mask.webui.validation.FieldErrors;
import network.mask.webui.validation.PasswordRules;

/**
 * The owner changes the setup page's password: the current one again (counted by the login
 * throttle), then the new one under the claim page's rules. Success logs every browser out and
 * gives this one a fresh session, so a stolen session cookie dies with the old password.
 */
final class PasswordPage {

    static final String PATH = "/password";

    private static final System.Logger LOG = System.getLogger(PasswordPage.class.getName());

    private final AdminContext ctx;

    PasswordPage(AdminContext ctx) {
        this.ctx = ctx;
    }

    void register(HttpRules rules) {
        rules.get(PATH, this::show).post(PATH, Posts.csrfChecked(ctx, this::change));
    }

    private void show(ServerRequest req, ServerResponse res) {
        Visit visit = Posts.visit(req);
        Respond.html(res, Status.OK_200, page(visit, visit.session().orElseThrow(), new FieldErrors(), ""));
    }

    private void change(ServerRequest req, ServerResponse res, Visit visit, Session session, Form form) throws IOException {
        FieldErrors errors = new FieldErrors();
        if (!ReenteredPassword.check(ctx, visit, res, form.get("currentPassword"), "currentPassword",
                "Enter your current password.", errors)) {
            return;
        }
        String chosen = PasswordRules.validateNew("password", "newPassword", form.get("newPassword"),
                "confirmPassword", form.get("confirmPassword"), errors);
        if (chosen != null && chosen.equals(form.get("currentPassword"))) {
            errors.add("newPassword", "This is the current password. Choose a new one.");
            chosen = null;
        }
        if (chosen == null) {
            Respond.invalid(ctx, res, page(visit, session, errors, ""));
            return;
        }
        ctx.throttle.recordSuccess(visit.client());
        String hash = ctx.hasher.hash(chosen);
        try {
            ctx.backend.credentials().store(hash);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot store the new admin password hash", e);
            Respond.html(res, Status.INTERNAL_SERVER_ERROR_500, page(visit, session, errors,
                    "<div class=\"notice error\" role=\"alert\">The node could not save the new password. "
                            + "Nothing was changed: the current password still works. Check the log.</div>"));
            return;
        }
        OwnerLog.note("Password of this page changed from " + visit.client().getHostAddress()
                + "; every other browser was logged out");
        Session fresh = Sessions.renewAlone(ctx, visit, res);
        fresh.flash("Password changed. Every other browser has been logged out.");
        Respond.redirect(res, "/dashboard");
    }

    private String page(Visit visit, Session session, FieldErrors errors, String notice) {
        String body = notice + Fields.errorSummary(errors)
                + "<p>After the change, every other browser that is logged in to this page is logged out.</p>"
                + "<form method=\"post\" action=\"" + PATH + "\" accept-charset=\"utf-8\">" + Fields.csrf(session.csrfToken())
                + Fields.input("currentPassword", "password", "Current password", null, null, errors,
                        "autocomplete=\"current-password\" required")
                + Fields.newPassword("newPassword", "New password", "confirmPassword", "Repeat the new password", errors)
                + "<button type=\"submit\" id=\"change-password\">Change password</button></form>";
        return Layout.page("Change password", visit, body);
    }
}
