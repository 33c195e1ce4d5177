package network.mask.webui.web;

import network.mask.webui.OwnerLog;
import java.io.IOException;
import java.util.Optional;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import network.mask.webui.security.AttackLog;
import network.mask.webui.security.PasswordHasher;
import network.mask.webui.security.Session;
import network.mask.webui.validation.FieldErrors;

/** Log in and out. Wrong passwords count towards the throttle; a success starts a fresh session. */
final class LoginPages {

    private static final System.Logger LOG = System.getLogger(LoginPages.class.getName());

    private final AdminContext ctx;

    LoginPages(AdminContext ctx) {
        this.ctx = ctx;
    }

    void register(HttpRules rules) {
        rules.get("/login", this::form)
                .post("/login", Posts.csrfChecked(ctx, Posts.PRE_LOGIN_BODY, this::login))
                .post("/logout", Posts.csrfChecked(ctx, this::logout));
    }

    private void form(ServerRequest req, ServerResponse res) {
        Visit visit = Posts.visit(req);
        if (visit.isOwner()) {
            Respond.redirect(res, "/");
            return;
        }
        Session session = Sessions.ensure(ctx, visit, res);
        Respond.html(res, Status.OK_200, page(visit, session, new FieldErrors(), req.query().contains("loggedOut")));
    }

    private void login(ServerRequest req, ServerResponse res, Visit visit, Session session, Form form) throws IOException {
        // Charged before the hash runs, so a burst of concurrent guesses gets no more than the free ones.
        if (!Throttled.admit(ctx, visit, res)) {
            return;
        }
        String password = form.get("password") == null ? "" : form.get("password");
        if (checkPassword(ctx, password)) {
            ctx.throttle.recordSuccess(visit.client());
            OwnerLog.note("Logged in from " + visit.client().getHostAddress());
            Sessions.promote(ctx, visit, session, Session.Level.OWNER, res);
            Respond.redirect(res, "/");
            return;
        }
        ctx.counters.wrongPassword();
        ctx.attackLog.note(AttackLog.Kind.WRONG_PASSWORD, visit.client());
        FieldErrors errors = new FieldErrors();
        errors.add("password", "Wrong password.");
        Respond.html(res, Status.UNAUTHORIZED_401, page(visit, session, errors));
    }

    private void logout(ServerRequest req, ServerResponse res, Visit visit, Session session, Form form) {
        ctx.sessions.invalidate(session);
        ctx.cookie.clear(res);
        Respond.redirect(res, "/login?loggedOut");
    }

    /** Shared with the factory-reset confirmation, which asks for the password again. */
    static boolean checkPassword(AdminContext ctx, String password) throws IOException {
        Optional<String> stored = ctx.backend.credentials().load();
        if (stored.isEmpty()) {
            return false;
        }
        if (!PasswordHasher.isWellFormed(stored.get())) {
            LOG.log(System.Logger.Level.ERROR, "the stored admin password hash is damaged; only a factory reset helps");
            return false;
        }
        if (!PasswordHasher.isAffordable(stored.get())) {
            // A restored or edited hash asking for more memory than the box has would crash the node at every login.
            LOG.log(System.Logger.Level.ERROR, "the stored admin password hash asks for more memory or time than this box "
                    + "can give; restore a backup made by this box, or factory-reset it");
            return false;
        }
        return ctx.hasher.verify(password, stored.get());
    }

    private String page(Visit visit, Session session, FieldErrors errors) {
        return page(visit, session, errors, false);
    }

    private String page(Visit visit, Session session, FieldErrors errors, boolean loggedOut) {
        String body = (loggedOut ? "<div class=\"notice ok\" role=\"status\" id=\"logged-out\">You are logged out.</div>" : "")
                + ctx.backend.claim().notice().map(n -> "<div class=\"notice ok\" role=\"status\" id=\"claim-file-notice\"><p>"
                        + Html.esc(n) + "</p></div>").orElse("")
                + Fields.errorSummary(errors)
                + "<form method=\"post\" action=\"/login\" accept-charset=\"utf-8\">" + Fields.csrf(session.csrfToken())
                + Fields.input("password", "password", "Password", null, null, errors,
                        "autocomplete=\"current-password\" required autofocus")
                + "<button type=\"submit\" id=\"login-submit\">Log in</button></form>"
                + "<div class=\"hint\" id=\"forgot\"><p><strong>Forgot the password?</strong></p><ol>"
                + "<li>Reset the box: hold its button for 10 seconds. (A box without a button: see \"Forgotten password\" "
                + "in docs/running-a-node.md.)</li>"
                + "<li>Open this page again and claim the box with a new password.</li>"
                + "<li>On the first page choose <strong>Restore a backup</strong>: the node's keys and settings come back, "
                + "and your new password stays.</li></ol></div>";
        return Layout.page("Log in", visit, body);
    }
}
