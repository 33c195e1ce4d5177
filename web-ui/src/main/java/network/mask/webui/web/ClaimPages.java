package network.mask.webui.web;

import network.mask.webui.OwnerLog;
import java.io.IOException;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import network.mask.webui.security.AttackLog;
import network.mask.webui.security.Session;
import network.mask.webui.validation.FieldErrors;
import network.mask.webui.validation.PasswordRules;

/**
 * First visit: prove presence (one-time code, or the button on the box), then choose the admin
 * password. The password is stored as an Argon2id hash; the visitor leaves logged in.
 */
final class ClaimPages {

    private static final System.Logger LOG = System.getLogger(ClaimPages.class.getName());

    private final AdminContext ctx;

    ClaimPages(AdminContext ctx) {
        this.ctx = ctx;
    }

    void register(HttpRules rules) {
        rules.get("/claim", this::presenceForm)
                .post("/claim", Posts.csrfChecked(ctx, Posts.PRE_LOGIN_BODY, this::presence))
                .get("/claim/password", this::passwordForm)
                .post("/claim/password", Posts.csrfChecked(ctx, Posts.PRE_LOGIN_BODY, this::setPassword));
    }

    private void presenceForm(ServerRequest req, ServerResponse res) {
        Visit visit = Posts.visit(req);
        Session session = Sessions.ensure(ctx, visit, res);
        Respond.html(res, Status.OK_200, presencePage(visit, session, "", new FieldErrors()));
    }

    private void presence(ServerRequest req, ServerResponse res, Visit visit, Session session, Form form) {
        // Every attempt is charged, with or without a code: polling with an empty code is guessing too.
        if (!Throttled.admit(ctx, visit, res)) {
            return;
        }
        String code = form.get("code") == null ? "" : form.get("code").strip();
        FieldErrors errors = new FieldErrors();
        boolean proven;
        if (code.isEmpty()) {
            // The press is used up by this claim: a second visitor needs a second press.
            proven = buttonOffered() && ctx.backend.claim().takeButtonPress();
            if (!proven) {
                ctx.counters.refusedClaim();
                ctx.attackLog.note(AttackLog.Kind.CLAIM_WITHOUT_PROOF, visit.client());
                errors.add("code", ctx.config.devMode()
                        ? "Enter the one-time code printed in the node's log."
                        : buttonOffered() ? "Enter the one-time code, or press the button on the box briefly and then press Continue."
                        : "Enter the one-time code. Below: where to find it.");
            }
        } else {
            proven = ctx.backend.claim().acceptCode(code);
            if (!proven) {
                ctx.counters.wrongClaimCode();
                ctx.attackLog.note(AttackLog.Kind.WRONG_CLAIM_CODE, visit.client());
                errors.add("code", "That code is not right. Use the latest code: the box makes a new one each time it starts.");
            }
        }
        if (!proven) {
            Respond.invalid(ctx, res, presencePage(visit, session, code, errors));
            return;
        }
        ctx.throttle.recordSuccess(visit.client());
        LOG.log(System.Logger.Level.INFO, "presence proven from " + visit.client().getHostAddress()
                + (code.isEmpty() ? " (button)" : " (one-time code)"));
        Sessions.promote(ctx, visit, session, Session.Level.PRESENCE_PROVEN, res);
        Respond.redirect(res, "/claim/password");
    }

    private void passwordForm(ServerRequest req, ServerResponse res) {
        Visit visit = Posts.visit(req);
        if (visit.session().map(s -> s.level() != Session.Level.PRESENCE_PROVEN).orElse(true)) {
            Respond.redirect(res, "/claim");
            return;
        }
        Respond.html(res, Status.OK_200, passwordPage(visit, visit.session().get(), new FieldErrors()));
    }

    private void setPassword(ServerRequest req, ServerResponse res, Visit visit, Session session, Form form)
            throws IOException {
        if (session.level() != Session.Level.PRESENCE_PROVEN) {
            Respond.redirect(res, "/claim");
            return;
        }
        FieldErrors errors = new FieldErrors();
        String password = PasswordRules.validateNew("password", "password", form.get("password"), "confirm", form.get("confirm"), errors);
        if (password == null) {
            Respond.invalid(ctx, res, passwordPage(visit, session, errors));
            return;
        }
        String hash = ctx.hasher.hash(password);
        synchronized (ctx.claimLock) {
            if (ctx.backend.credentials().load().isPresent()) {
                ctx.markClaimed();
                Respond.html(res, Status.CONFLICT_409, Layout.message("Already claimed", visit,
                        "Someone set the password a moment ago. Log in with that password.", "/login", "Log in"));
                return;
            }
            ctx.backend.credentials().store(hash);
            ctx.markClaimed();
        }
        OwnerLog.note("Box claimed from " + visit.client().getHostAddress());
        Sessions.promote(ctx, visit, session, Session.Level.OWNER, res);
        Respond.redirect(res, "/setup/node");
    }

    /** The press is offered only on a box that has a button, and never on a developer PC. */
    private boolean buttonOffered() {
        return !ctx.config.devMode() && ctx.backend.claim().hasButton();
    }

    private String presencePage(Visit visit, Session session, String code, FieldErrors errors) {
        String hint = ctx.config.devMode() ? "Printed in the terminal where you started masknode run --dev."
                : "A new code is made each time the box starts. Below: where to find it.";
        StringBuilder body = new StringBuilder();
        ctx.backend.claim().notice().ifPresent(n ->
                body.append("<div class=\"notice error\" role=\"status\" id=\"claim-file-notice\"><p>").append(Html.esc(n)).append("</p></div>"));
        body.append("<p>This box has no owner yet. First show that you are next to it.</p>")
                .append(Fields.errorSummary(errors))
                .append("<form method=\"post\" action=\"/claim\" accept-charset=\"utf-8\">").append(Fields.csrf(session.csrfToken()))
                .append(Fields.input("code", "text", "One-time code", code, hint, errors,
                        "autocomplete=\"one-time-code\" autocapitalize=\"characters\" spellcheck=\"false\" maxlength=\"40\""))
                .append("<button type=\"submit\" id=\"claim-continue\">Continue</button></form>");
        if (!ctx.config.devMode()) body.append(whereIsTheCode());
        return Layout.page("Claim this Mask Node", visit, body.toString());
    }

    /** Every way an owner without a terminal can reach the code, the button only where there is one. */
    private String whereIsTheCode() {
        StringBuilder list = new StringBuilder("<h2>Where to find the code</h2><ul id=\"claim-ways\">")
                .append("<li><strong>On a screen:</strong> plug a monitor or TV into the box's HDMI port. "
                        + "The code and the box's address appear on it.</li>");
        if (buttonOffered()) {
            list.append("<li><strong>The button:</strong> press the button on the box briefly, leave the code empty, "
                    + "and press Continue within a minute.</li>");
        }
        list.append("<li><strong>Boxes bought ready-made</strong> come claimed, with the password on their sticker. "
                        + "If you see this page, the box was reset: use one of the other ways.</li>")
                .append("<li><strong>No screen?</strong> Switch the box off and put its SD card in a computer. On the card's "
                        + "small partition, make a text file named <code>masknode-claim.txt</code> that holds only the admin "
                        + "password you want (at least 10 characters). Put the card back and start the box: it takes that "
                        + "password and deletes the file. Then log in here.</li>")
                .append("<li><strong>Over SSH:</strong> <code>journalctl -u masknode | grep -i claim</code>.</li></ul>");
        return list.toString();
    }

    private String passwordPage(Visit visit, Session session, FieldErrors errors) {
        String body = "<p>Choose the password for this setup page. Anyone with it controls the node, so use a long one "
                + "and keep it somewhere safe.</p>"
                + Fields.errorSummary(errors)
                + "<form method=\"post\" action=\"/claim/password\" accept-charset=\"utf-8\">" + Fields.csrf(session.csrfToken())
                + Fields.newPassword("password", "New password", "confirm", "Repeat the password", errors)
                + "<button type=\"submit\" id=\"claim-set-password\">Set password</button></form>";
        return Layout.page("Choose a password", visit, body);
    }
}
