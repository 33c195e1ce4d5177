package network.mask.webui.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import network.mask.webui.backup.BackupException;
import network.mask.webui.security.Session;
import network.mask.webui.validation.FieldErrors;
import network.mask.webui.validation.PasswordRules;

/**
 * Download and restore of encrypted backups. The restore form carries the file as base64 in a
 * URL-encoded field (filled in by app.js), so every post stays a plain CSRF-checked form.
 */
final class BackupPages {

    private static final System.Logger LOG = System.getLogger(BackupPages.class.getName());

    private final AdminContext ctx;
    private final DashboardPage dashboard;

    BackupPages(AdminContext ctx, DashboardPage dashboard) {
        this.ctx = ctx;
        this.dashboard = dashboard;
    }

    void register(HttpRules rules) {
        rules.post("/backup", Posts.csrfChecked(ctx, this::download))
                .post("/restore", Posts.csrfChecked(ctx, this::restore));
    }

    private void download(ServerRequest req, ServerResponse res, Visit visit, Session session, Form form) {
        FieldErrors errors = new FieldErrors();
        String passphrase = PasswordRules.validateNew("passphrase", "backupPassphrase", form.get("backupPassphrase"),
                "backupConfirm", form.get("backupConfirm"), errors);
        if (passphrase == null) {
            Respond.invalid(ctx, res, dashboard.render(visit, session, errors, ""));
            return;
        }
        byte[] file;
        try {
            file = ctx.backupCipher.encrypt(ctx.backend.backupFiles().exportFiles(), passphrase);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "backup export failed", e);
            Respond.html(res, Status.INTERNAL_SERVER_ERROR_500, dashboard.render(visit, session, errors,
                    "<div class=\"notice error\" role=\"alert\">The node could not read its files for the backup. "
                            + "Check the log.</div>"));
            return;
        }
        LOG.log(System.Logger.Level.INFO, "encrypted backup downloaded by " + visit.client().getHostAddress());
        res.status(Status.OK_200);
        res.header("Content-Type", "application/octet-stream");
        res.header("Content-Disposition", "attachment; filename=\"" + fileName() + "\"");
        res.send(file);
    }

    private String fileName() {
        String name = ctx.backend.settings().read().name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        return "masknode-" + (name.isEmpty() ? "backup" : name) + "-" + LocalDate.ofInstant(ctx.config.clock().instant(),
                ZoneOffset.UTC) + ".mnbackup";
    }

    private void restore(ServerRequest req, ServerResponse res, Visit visit, Session session, Form form) {
        FieldErrors errors = new FieldErrors();
        String data = form.get("backup") == null ? "" : form.get("backup").strip();
        String passphrase = form.get("restorePassphrase") == null ? "" : form.get("restorePassphrase");
        byte[] file = null;
        if (data.isEmpty()) {
            errors.add("restoreFile", "Choose a backup file (this page needs JavaScript to read it).");
        } else {
            try {
                file = Base64.getDecoder().decode(data);
            } catch (IllegalArgumentException e) {
                errors.add("restoreFile", "This file is not a Mask Node backup.");
            }
        }
        if (passphrase.isEmpty()) {
            errors.add("restorePassphrase", "Enter the passphrase you chose when you made the backup.");
        }
        Map<String, byte[]> files = null;
        if (errors.isEmpty()) {
            try {
                files = ctx.backupCipher.decrypt(file, passphrase);
            } catch (BackupException e) {
                errors.add(e.kind() == BackupException.Kind.WRONG_PASSPHRASE ? "restorePassphrase" : "restoreFile", e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            Respond.invalid(ctx, res, dashboard.render(visit, session, errors, ""));
            return;
        }
        try {
            ctx.backend.backupFiles().importFiles(files);
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.ERROR, "restore failed", e);
            Respond.html(res, Status.INTERNAL_SERVER_ERROR_500, dashboard.render(visit, session, errors,
                    "<div class=\"notice error\" role=\"alert\">The node refused this backup: "
                            + Html.esc(String.valueOf(e.getMessage())) + "</div>"));
            return;
        }
        LOG.log(System.Logger.Level.WARNING, "backup restored (" + files.size() + " files) from " + visit.client().getHostAddress());
        session.flash("Backup restored (" + files.size() + " files). Restart the node so it uses them.");
        Respond.redirect(res, "/dashboard");
    }
}
