package network.mask.webui.web;

import static network.mask.webui.web.Html.esc;

import java.util.Optional;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import network.mask.webui.security.Session;
import network.mask.webui.validation.FieldErrors;
import network.mask.webui.validation.PasswordRules;

/**
 * Backup, restore and factory reset, on a page of their own (not under the live figures). A
 * bonded node's reset says what is lost and offers the backup first.
 */
final class MaintenancePage {

    static final String PATH = "/maintenance";

    private final AdminContext ctx;

    MaintenancePage(AdminContext ctx) {
        this.ctx = ctx;
    }

    void register(HttpRules rules) {
        rules.get(PATH, this::show);
    }

    private void show(ServerRequest req, ServerResponse res) {
        Visit visit = Posts.visit(req);
        Respond.html(res, Status.OK_200, render(visit, visit.session().orElseThrow(), new FieldErrors(), ""));
    }

    /** Also used by the backup, restore and reset handlers to show a form's errors next to it. */
    String render(Visit visit, Session session, FieldErrors errors, String notice) {
        String csrf = Fields.csrf(session.csrfToken());
        Optional<Long> bonded = ctx.backend.bondingKeys().bondedNodeId();
        StringBuilder b = new StringBuilder(6144);
        b.append(ctx.restartNotice.html(ctx, session)).append(notice).append(Fields.errorSummary(errors));
        b.append("<section class=\"card\" id=\"backup\" aria-labelledby=\"backup-title\"><h2 id=\"backup-title\">Backup</h2>")
                .append("<p>Download the node's keys and settings, encrypted with a passphrase you choose now. Keep the file "
                        + "somewhere safe: with it you can rebuild this node, with the same identity, on a new card or box. "
                        + "Without the passphrase the backup cannot be opened.</p>")
                .append("<form method=\"post\" action=\"/backup\" accept-charset=\"utf-8\">").append(csrf)
                .append(Fields.input("backupPassphrase", "password", "Backup passphrase", null,
                        "At least " + PasswordRules.MIN + " characters.", errors, "autocomplete=\"new-password\""))
                .append(Fields.input("backupConfirm", "password", "Repeat the passphrase", null, null, errors,
                        "autocomplete=\"new-password\""))
                .append("<button type=\"submit\" id=\"download-backup\">Download encrypted backup</button></form></section>");
        b.append(restoreForm(csrf, errors));
        b.append("<section class=\"card\" id=\"reset\" aria-labelledby=\"reset-title\"><h2 id=\"reset-title\">Factory reset</h2>")
                .append("<p>Erases the keys, settings and this page's password. The box starts again with a new identity, "
                        + "as it came, ready to be claimed.</p>");
        if (bonded.isPresent()) {
            b.append("<div class=\"notice error\" id=\"reset-bonded\" role=\"alert\"><p><strong>This node is bonded as node #")
                    .append(bonded.get()).append(".</strong> A reset erases its identity key, and the network cannot move "
                            + "a bond to a new key:</p><ul>"
                            + "<li>your bonded NYM stay on a node that no longer runs, earning nothing, until you unbond it "
                            + "in the Nym wallet;</li>"
                            + "<li>unbonding ends every delegation to the node: delegators must delegate again, to a new "
                            + "node;</li>"
                            + "<li>only a backup brings this identity back.</li></ul>")
                    .append("<p><a class=\"button\" id=\"reset-backup-first\" href=\"#backup\">Download a backup first</a></p></div>");
        }
        b.append("<form method=\"post\" action=\"/actions/factory-reset\" accept-charset=\"utf-8\">").append(csrf)
                .append(Fields.input("resetPassword", "password", "Your password", null, "Asked again to make sure it is you.",
                        errors, "autocomplete=\"current-password\""));
        if (bonded.isPresent()) {
            b.append(Fields.checkbox("resetBackupDone", "I have downloaded a backup, or I have unbonded the node in the wallet",
                    false, null, errors));
        }
        b.append(Fields.checkbox("resetConfirm", "I understand that the keys are erased", false, null, errors))
                .append("<button type=\"submit\" id=\"factory-reset\" class=\"danger\">Erase everything and reset</button></form>")
                .append("</section>");
        return Layout.page("Maintenance", visit, b.toString());
    }

    /** Also shown on the first page after claiming, where someone rebuilding a box looks. */
    static String restoreForm(String csrf, FieldErrors errors) {
        return "<section class=\"card\" id=\"restore-backup\" aria-labelledby=\"restore-title\"><h2 id=\"restore-title\">Restore a backup</h2>"
                + "<p>Bring back a node's keys and settings from a backup file. You will see what the backup holds and "
                + "confirm before anything is replaced. The password you use now stays, unless you choose otherwise.</p>"
                + "<form method=\"post\" action=\"/restore\" accept-charset=\"utf-8\" id=\"restore-form\">" + csrf
                + Fields.input("restoreFile", "file", "Backup file", null, "A .mnbackup file downloaded from a Mask Node.",
                        errors, "accept=\".mnbackup\"")
                + "<input type=\"hidden\" name=\"backup\" id=\"restoreData\" value=\"\">"
                + Fields.input("restorePassphrase", "password", "Backup passphrase", null, null, errors, "autocomplete=\"off\"")
                + "<button type=\"submit\" id=\"restore\" class=\"secondary\">Open backup</button></form></section>";
    }

}
