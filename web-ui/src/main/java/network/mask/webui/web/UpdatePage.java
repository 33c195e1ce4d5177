package network.mask.webui.web;

import static network.mask.webui.web.Html.esc;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.regex.Pattern;
import network.mask.webui.security.Session;
import network.mask.webui.spi.UpdateControl;
import network.mask.webui.validation.FieldErrors;

/**
 * The box's own updates (docs/updates.md): installed and available version with notes, "Install
 * now", "Install automatically", "Check now", and how the last update ended, rollback included.
 */
final class UpdatePage {

    static final String PATH = "/updates";
    private static final Pattern VERSION = Pattern.compile("\\d{1,9}\\.\\d{1,9}\\.\\d{1,9}(-[0-9A-Za-z.-]{1,40})?");

    private final AdminContext ctx;

    UpdatePage(AdminContext ctx) {
        this.ctx = ctx;
    }

    void register(HttpRules rules) {
        rules.get(PATH, this::show)
                .post(PATH + "/install", Posts.csrfChecked(ctx, this::install))
                .post(PATH + "/automatic", Posts.csrfChecked(ctx, this::automatic))
                .post(PATH + "/check", Posts.csrfChecked(ctx, this::check));
    }

    private UpdateControl updates() {
        return ctx.backend.updates();
    }

    private void show(ServerRequest req, ServerResponse res) {
        Visit visit = Posts.visit(req);
        Respond.html(res, Status.OK_200, page(visit, visit.session().orElseThrow(), new FieldErrors()));
    }

    private void install(ServerRequest req, ServerResponse res, Visit visit, Session session, Form form) {
        String version = form.get("version") == null ? "" : form.get("version").strip();
        var available = updates().status().available();
        if (!VERSION.matcher(version).matches() || available.isEmpty() || !available.get().version().equals(version)) {
            FieldErrors errors = new FieldErrors();
            errors.add("version", "That version is not the one on offer any more. Reload the page and try again.");
            Respond.invalid(ctx, res, page(visit, session, errors));
            return;
        }
        updates().installNow(version);
        session.flash("Installing " + version + ". The node restarts on its own; if the new version does not stay up, "
                + "the box goes back to " + updates().status().installed() + " by itself.");
        Respond.redirect(res, PATH);
    }

    private void automatic(ServerRequest req, ServerResponse res, Visit visit, Session session, Form form) {
        boolean on = "on".equals(form.get("automatic"));
        updates().setAutomatic(on);
        session.flash(on ? "The box installs updates by itself." : "The box asks you before installing an update.");
        Respond.redirect(res, PATH);
    }

    private void check(ServerRequest req, ServerResponse res, Visit visit, Session session, Form form) {
        updates().checkNow();
        session.flash("Checking for updates; reload this page in a minute.");
        Respond.redirect(res, PATH);
    }

    private String page(Visit visit, Session session, FieldErrors errors) {
        UpdateControl.Status s = updates().status();
        StringBuilder b = new StringBuilder(Fields.errorSummary(errors));
        s.off().ifPresent(why -> b.append("<div class=\"notice warn\" role=\"status\" id=\"updates-off\">").append(esc(why)).append("</div>"));
        b.append("<dl class=\"facts\"><dt>Installed</dt><dd id=\"installed-version\">").append(esc(s.installed().isEmpty() ? "unknown" : s.installed()))
                .append(s.onTrial() ? " (on trial: the box goes back by itself if it does not stay up)" : "").append("</dd>")
                .append("<dt>Last check</dt><dd id=\"last-check\">").append(esc(s.lastCheck())).append("</dd>");
        s.lastOutcome().ifPresent(o -> b.append("<dt>Last update</dt><dd id=\"last-outcome\">").append(esc(o)).append("</dd>"));
        b.append("</dl>");
        if (s.available().isPresent()) {
            UpdateControl.Available a = s.available().get();
            b.append("<section aria-labelledby=\"available\"><h2 id=\"available\">Version ").append(esc(a.version()))
                    .append(" is available</h2>");
            if (!a.notes().isEmpty()) b.append("<p id=\"release-notes\">").append(esc(a.notes())).append("</p>");
            if (a.notesUrl().startsWith("https://")) {
                b.append("<p><a href=\"").append(esc(a.notesUrl())).append("\" rel=\"noopener noreferrer\">Release notes</a></p>");
            }
            b.append("<form method=\"post\" action=\"").append(PATH).append("/install\">").append(Fields.csrf(session.csrfToken()))
                    .append("<input type=\"hidden\" name=\"version\" value=\"").append(esc(a.version())).append("\">")
                    .append("<button type=\"submit\" id=\"install-now\">Install now</button></form></section>");
        } else {
            b.append("<p id=\"up-to-date\">No newer version is on offer.</p>");
        }
        b.append("<form method=\"post\" action=\"").append(PATH).append("/check\">").append(Fields.csrf(session.csrfToken()))
                .append("<button type=\"submit\" id=\"check-now\" class=\"secondary\">Check now</button></form>");
        b.append("<form method=\"post\" action=\"").append(PATH).append("/automatic\">").append(Fields.csrf(session.csrfToken()))
                .append(Fields.checkbox("automatic", "Install updates automatically", s.automatic(),
                        "Recommended: the network ranks nodes that fall behind lower. A new version must stay up for a few "
                                + "minutes, or the box goes back to the version before by itself.", errors))
                .append("<button type=\"submit\" id=\"save-automatic\">Save</button></form>");
        return Layout.page("Updates", visit, b.toString());
    }
}
