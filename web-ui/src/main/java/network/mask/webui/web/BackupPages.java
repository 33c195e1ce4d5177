package network.mask.webui.web;

import network.mask.webui.OwnerLog;
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
    private final MaintenancePage dashboard;
    private final Semaphore restoring = new Semaphore(1);

    /** A decrypted backup the owner has seen but not yet confirmed; kept in their session only. */
    record PendingRestore(Map<String, byte[]> files, BackupFiles.Summary summary, BackupManifest manifest) {
    }

    BackupPages(AdminContext ctx, MaintenancePage maintenance) {
        this.ctx = ctx;
        this.dashboard = maintenance;
    }

    void register(HttpRules rules) {
        rules.post("/backup", Posts.csrfChecked(ctx, this::download))
                .post("/restore", Posts.csrfChecked(ctx, Posts.RESTORE_BODY, this::restore))
                .get("/restore/confirm", this::showConfirm)
                .post("/restore/confirm", Posts.csrfChecked(ctx, this::confirm))
                .post("/restore/cancel", Posts.csrfChecked(ctx, this::cancel));
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
            Map<String, byte[]> files = new java.util.TreeMap<>(ctx.backend.backupFiles().exportFiles());
            files.put(BackupManifest.ENTRY, BackupManifest.of(ctx).encode());
            file = ctx.backupCipher.encrypt(files, passphrase);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "backup export failed", e);
            Respond.html(res, Status.INTERNAL_SERVER_ERROR_500, dashboard.render(visit, session, errors,
                    "<div class=\"notice error\" role=\"alert\">The node could not read its files for the backup. "
                            + "Check the log.</div>"));
            return;
        }
        OwnerLog.note("Backup downloaded (encrypted) by " + visit.client().getHostAddress());
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
        session.clearPending();
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
                files = new java.util.TreeMap<>(ctx.backupCipher.decrypt(file, passphrase));
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
        BackupManifest manifest = BackupManifest.decode(files.remove(BackupManifest.ENTRY));
        BackupFiles.Summary summary;
        try {
            summary = ctx.backend.backupFiles().describe(files);
        } catch (RuntimeException e) {
            summary = new BackupFiles.Summary("", "");
        }
        session.holdPending(new PendingRestore(Map.copyOf(files), summary, manifest));
        Respond.redirect(res, "/restore/confirm");
    }

    private void showConfirm(ServerRequest req, ServerResponse res) {
        Visit visit = Posts.visit(req);
        Session session = visit.session().orElseThrow();
        java.util.Optional<PendingRestore> pending = session.pending(PendingRestore.class);
        if (pending.isEmpty()) {
            Respond.redirect(res, MaintenancePage.PATH + "#restore-backup");
            return;
        }
        Respond.html(res, Status.OK_200, confirmPage(visit, session, pending.get()));
    }

    private String confirmPage(Visit visit, Session session, PendingRestore p) {
        String csrf = Fields.csrf(session.csrfToken());
        String date = p.manifest().date();
        String thisIdentity = ctx.backend.bondingKeys().identityKey();
        boolean sameIdentity = !p.summary().identityKey().isEmpty() && p.summary().identityKey().equals(thisIdentity);
        StringBuilder b = new StringBuilder("<section class=\"card\" aria-labelledby=\"holds-title\"><h2 id=\"holds-title\">"
                + "This backup holds</h2><dl class=\"facts\" id=\"backup-summary\">");
        b.append(fact("Node name", "backup-name", p.summary().name().isEmpty() ? "not recorded" : p.summary().name()));
        b.append(fact("Identity key", "backup-identity", p.summary().identityKey().isEmpty() ? "not readable" : p.summary().identityKey()));
        b.append(fact("Made on", "backup-date", date.isEmpty() ? "not recorded (a backup from an older version)" : date));
        b.append(fact("Node version", "backup-version", p.manifest().version().isEmpty() ? "not recorded" : p.manifest().version()));
        b.append("</dl><p>").append(sameIdentity ? "This is the identity this node has now."
                : "Restoring replaces this node's identity key <code class=\"wrap\">" + Html.esc(thisIdentity)
                + "</code> and its settings with the ones above.").append("</p></section>");
        b.append("<form method=\"post\" action=\"/restore/confirm\" accept-charset=\"utf-8\">").append(csrf);
        if (p.files().containsKey(BackupFiles.ADMIN_PASSWORD_HASH)) {
            b.append(Fields.checkbox("restorePassword", "Also restore the admin password from "
                    + (date.isEmpty() ? "the backup" : date), false,
                    "Leave this unticked to keep the password you use now. Tick it only if you remember the backup's password.",
                    new FieldErrors()));
        }
        b.append("<div class=\"buttons\"><button type=\"submit\" id=\"restore-confirm\" class=\"danger\">"
                + "Replace keys and settings</button></div></form>")
                .append("<form method=\"post\" action=\"/restore/cancel\">").append(csrf)
                .append("<button type=\"submit\" id=\"restore-cancel\" class=\"secondary\">Cancel</button></form>");
        return Layout.page("Restore this backup?", visit, b.toString());
    }

    private static String fact(String label, String id, String value) {
        return "<div><dt>" + Html.esc(label) + "</dt><dd id=\"" + id + "\" class=\"wrap\">" + Html.esc(value) + "</dd></div>";
    }

    private void cancel(ServerRequest req, ServerResponse res, Visit visit, Session session, Form form) {
        session.clearPending();
        session.flash("Restore cancelled. Nothing was changed.");
        Respond.redirect(res, MaintenancePage.PATH);
    }

    private void confirm(ServerRequest req, ServerResponse res, Visit visit, Session session, Form form) {
        java.util.Optional<PendingRestore> pending = session.pending(PendingRestore.class);
        if (pending.isEmpty()) {
            session.flash("That restore is no longer open. Choose the backup file again.");
            Respond.redirect(res, MaintenancePage.PATH + "#restore-backup");
            return;
        }
        session.clearPending();
        Map<String, byte[]> files = new java.util.TreeMap<>(pending.get().files());
        boolean withPassword = form.get("restorePassword") != null && !form.get("restorePassword").isEmpty()
                && files.containsKey(BackupFiles.ADMIN_PASSWORD_HASH);
        if (!withPassword) {
            // The password chosen at this claim stays: a forgotten password must not come back with the keys.
            files.remove(BackupFiles.ADMIN_PASSWORD_HASH);
        }
        FieldErrors errors = new FieldErrors();
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
        OwnerLog.note("Backup restored (" + files.size() + " files" + (withPassword ? ", with its admin password" : "")
                + ") from " + visit.client().getHostAddress() + "; restart the node so it uses them");
        ctx.restartNotice.add("the keys and settings restored from the backup");
        session.flash("Backup restored (" + files.size() + " files). " + (withPassword
                ? "The admin password is now the one from the backup. "
                : "Your password stays the one you use now. ") + "Restart the node so it uses the restored keys.");
        Respond.redirect(res, MaintenancePage.PATH);
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
