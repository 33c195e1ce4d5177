package network.mask.webui.web;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Properties;

/**
 * A small note inside each backup: when it was made and by which node version, so a restore can
 * show "from 2026-12-01" before anything is replaced. Backups made before it simply lack it.
 *
 * @param date    the UTC day the backup was made (ISO), "" if not recorded
 * @param version the node version that made it, "" if not recorded
 */
record BackupManifest(String date, String version) {

    /** Its name inside the backup; the page takes it out before the node sees the files. */
    static final String ENTRY = "masknode-backup.properties";

    static BackupManifest of(AdminContext ctx) {
        String version;
        try {
            version = ctx.backend.dashboard().snapshot().version();
        } catch (RuntimeException e) {
            version = "";
        }
        return new BackupManifest(LocalDate.ofInstant(ctx.config.clock().instant(), ZoneOffset.UTC).toString(), version);
    }

    byte[] encode() {
        Properties p = new Properties();
        p.setProperty("date", date);
        p.setProperty("version", version);
        StringWriter out = new StringWriter();
        try {
            p.store(out, "Mask Node backup");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Never fails: a missing or unreadable note gives empty fields. */
    static BackupManifest decode(byte[] bytes) {
        if (bytes == null) return new BackupManifest("", "");
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            return new BackupManifest("", "");
        }
        return new BackupManifest(clean(p.getProperty("date", ""), 10), clean(p.getProperty("version", ""), 64));
    }

    private static String clean(String s, int max) {
        String t = s.replaceAll("[^A-Za-z0-9._+-]", "");
        return t.length() > max ? t.substring(0, max) : t;
    }
}
