package network.mask.webui.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Semaphore;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import network.mask.webui.backup.BackupCipher;
import network.mask.webui.backup.BackupException;
import network.mask.webui.security.AttackLog;
import network.mask.webui.security.PasswordHasher;
import network.mask.webui.security.Session;
import network.mask.webui.spi.BackupFiles;
import network.mask.webui.validation.FieldErrors;
import network.mask.webui.validation.PasswordRules;

/**
 * Download and restore of encrypted backups. The restore form carries the file as base64 in a
 * URL-encoded field (filled in by app.js), so every post stays a plain CSRF-checked form.
 */
final class BackupPages {

    private static final System.Logger LOG = System.getLogger(BackupPages.class.getName());

    // Base64 of the largest file accepted, checked before decoding.
    private static final int MAX_BASE64 = (BackupCipher.MAX_FILE + 2) / 3 * 4;

    private final AdminContext ctx;
    private final DashboardPage dashboard;
    private final Semaphore restoring = new Semaphore(1);

    BackupPages(AdminContext ctx, DashboardPage dashboard) {
        this.ctx = ctx;
        this.dashboard = dashboard;
    }

    void register(HttpRules rules) {
        rules.post("/backup", Posts.csrfChecked(ctx, this::download))
                .post("/restore", Posts.csrfChecked(ctx, Posts.RESTORE_BODY, this::restore));
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
        String name = AsciiFileName.of(ctx.backend.settings().read().name());
        return "masknode-" + (name.isEmpty() ? "backup" : name) + "-" + LocalDate.ofInstant(ctx.config.clock().instant(),
                ZoneOffset.UTC) + ".mnbackup";
    }

    private void restore(ServerRequest req, ServerResponse res, Visit visit, Session session, Form form) {
        // One restore at a time: each holds the upload, the decoded file and an Argon2 derivation.
        if (!restoring.tryAcquire()) {
            Respond.html(res, Status.SERVICE_UNAVAILABLE_503, dashboard.render(visit, session, new FieldErrors(),
                    "<div class=\"notice error\" role=\"alert\">Another restore is running. Wait a moment, then try again.</div>"));
            return;
        }
        try {
            restoreOne(res, visit, session, form);
        } finally {
            restoring.release();
        }
    }

    private void restoreOne(ServerResponse res, Visit visit, Session session, Form form) {
        FieldErrors errors = new FieldErrors();
        String data = form.get("backup") == null ? "" : form.get("backup").strip();
        String passphrase = form.get("restorePassphrase") == null ? "" : form.get("restorePassphrase");
        byte[] file = null;
        if (data.isEmpty()) {
            errors.add("restoreFile", "Choose a backup file (this page needs JavaScript to read it).");
        } else if (data.length() > MAX_BASE64) {
            errors.add("restoreFile", "This file is larger than any Mask Node backup; it was not made by a Mask Node.");
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
                refuseUnaffordableHash(files);
            } catch (BackupException e) {
                errors.add(e.kind() == BackupException.Kind.WRONG_PASSPHRASE ? "restorePassphrase" : "restoreFile", e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            refused(visit);
            Respond.invalid(ctx, res, dashboard.render(visit, session, errors, ""));
            return;
        }
        try {
            ctx.backend.backupFiles().importFiles(files);
        } catch (IllegalArgumentException e) {
            // The node named the file it will not use; nothing was written.
            refused(visit);
            errors.add("restoreFile", "The node refused this backup: " + e.getMessage() + ". Nothing was changed.");
            Respond.invalid(ctx, res, dashboard.render(visit, session, errors, ""));
            return;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "restore failed: " + e);
            refused(visit);
            Respond.html(res, Status.INTERNAL_SERVER_ERROR_500, dashboard.render(visit, session, errors,
                    "<div class=\"notice error\" role=\"alert\">The node could not write the restored files: "
                            + Html.esc(String.valueOf(e.getMessage())) + ". Check the log and the free space on the card.</div>"));
            return;
        }
        LOG.log(System.Logger.Level.WARNING, "backup restored (" + files.size() + " files) from " + visit.client().getHostAddress());
        session.flash("Backup restored (" + files.size() + " files). Restart the node so it uses them.");
        Respond.redirect(res, "/dashboard");
    }

    /** A hash this box cannot afford to verify would lock the owner out and crash the node at each login. */
    private static void refuseUnaffordableHash(Map<String, byte[]> files) throws BackupException {
        byte[] hash = files.get(BackupFiles.ADMIN_PASSWORD_HASH);
        if (hash == null) {
            return;
        }
        String text = new String(hash, StandardCharsets.US_ASCII).strip();
        if (!PasswordHasher.isWellFormed(text)) {
            throw new BackupException(BackupException.Kind.REFUSED, "The backup's admin password file is not an Argon2id "
                    + "password hash; it was not made by a Mask Node.");
        }
        if (!PasswordHasher.isAffordable(text)) {
            throw new BackupException(BackupException.Kind.TOO_COSTLY, "The backup's admin password hash asks for more "
                    + "memory or time than the box can give; it was not made by a Mask Node.");
        }
    }

    private void refused(Visit visit) {
        ctx.counters.refusedBackup();
        ctx.attackLog.note(AttackLog.Kind.REFUSED_BACKUP, visit.client());
    }
}
