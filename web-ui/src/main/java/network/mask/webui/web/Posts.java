package network.mask.webui.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.common.parameters.Parameters;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import network.mask.webui.security.AttackLog;
import network.mask.webui.security.Session;
import network.mask.webui.security.SessionStore;

/**
 * Every state-changing route is registered through {@link #csrfChecked}: the body must be a
 * URL-encoded form whose {@code csrf} field matches the session's token, and a browser-supplied
 * Origin or Sec-Fetch-Site must say the form came from this page. Anything else is 403.
 *
 * <p>The cheap checks come first: content type, origin and the session cookie are judged before a
 * byte of the body is read, and the body is read only up to the route's own limit (tiny before
 * login). A refused post answers with {@code Connection: close}, so its body is never read at all.
 */
final class Posts {

    /** Login and claim: a password, its repetition and the token, percent-encoded. */
    static final int PRE_LOGIN_BODY = 8 * 1024;
    /** The owner's settings and password forms. */
    static final int FORM_BODY = 32 * 1024;
    /** The restore form: a backup file as base64 (see {@code BackupCipher.MAX_FILE}), percent-encoded. */
    static final int RESTORE_BODY = 3 * 1024 * 1024 + 512 * 1024;
    private static final int MAX_FIELDS = 32;

    @FunctionalInterface
    interface FormHandler {
        void handle(ServerRequest req, ServerResponse res, Visit visit, Session session, Form form) throws Exception;
    }

    private Posts() {
    }

    static Handler csrfChecked(AdminContext ctx, FormHandler handler) {
        return csrfChecked(ctx, FORM_BODY, handler);
    }

    static Handler csrfChecked(AdminContext ctx, int maxBody, FormHandler handler) {
        return (req, res) -> {
            Visit visit = visit(req);
            boolean urlEncoded = req.headers().contentType()
                    .map(ct -> ct.test(MediaTypes.APPLICATION_FORM_URLENCODED)).orElse(false);
            if (!urlEncoded) {
                res.header("Connection", "close");
                Respond.plain(res, Status.UNSUPPORTED_MEDIA_TYPE_415, "Send this form from the setup page.\n");
                return;
            }
            if (!sameOrigin(req)) {
                refuse(ctx, res, visit, "cross-origin form post");
                return;
            }
            Optional<Session> session = visit.session();
            if (session.isEmpty()) {
                refuse(ctx, res, visit, "form post without a session");
                return;
            }
            OptionalLong declared = req.headers().contentLength();
            if (declared.isPresent() && declared.getAsLong() > maxBody) {
                tooLarge(ctx, res, visit);
                return;
            }
            Optional<Parameters> params = read(req, maxBody);
            if (params.isEmpty()) {
                tooLarge(ctx, res, visit);
                return;
            }
            if (!SessionStore.csrfMatches(session.get(), params.get().first("csrf").orElse(null))) {
                refuse(ctx, res, visit, "form post with a wrong CSRF token");
                return;
            }
            handler.handle(req, res, visit, session.get(), new Form(params.get()));
        };
    }

    static Visit visit(ServerRequest req) {
        return req.context().get(Visit.class).orElseThrow(() -> new IllegalStateException("Gate did not run"));
    }

    /** The form's fields, or empty if the body is longer than {@code maxBody} (then at most maxBody + 1 bytes were read). */
    private static Optional<Parameters> read(ServerRequest req, int maxBody) {
        if (!req.content().hasEntity()) {
            return Optional.of(Parameters.empty("form"));
        }
        byte[] body;
        try (InputStream in = req.content().inputStream()) {
            body = in.readNBytes(maxBody + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (body.length > maxBody) {
            return Optional.empty();
        }
        return Optional.of(parse(new String(body, StandardCharsets.ISO_8859_1)));
    }

    /** {@code application/x-www-form-urlencoded} as browsers send it (UTF-8, '+' for space). */
    static Parameters parse(String body) {
        Parameters.Builder out = Parameters.builder("form");
        int fields = 0;
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++fields > MAX_FIELDS) {
                throw new FormException("too many fields");
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.add(decode(name), decode(value));
        }
        return out.build();
    }

    private static String decode(String s) {
        try {
            // The body was read as bytes; percent-escapes and raw bytes are both UTF-8.
            String utf8 = new String(s.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            return URLDecoder.decode(utf8, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new FormException("malformed percent-encoding");
        }
    }

    /** A body that is not a form the page could have sent; answered 400 by the routing's error handler. */
    static final class FormException extends RuntimeException {
        FormException(String message) {
            super(message);
        }
    }

    private static boolean sameOrigin(ServerRequest req) {
        Optional<String> site = req.headers().first(HeaderNames.create("Sec-Fetch-Site"));
        if (site.isPresent() && !site.get().equals("same-origin") && !site.get().equals("none")) {
            return false;
        }
        // With Referrer-Policy no-referrer, browsers send "Origin: null" on their own same-origin posts.
        Optional<String> origin = req.headers().first(HeaderNames.ORIGIN);
        if (origin.isEmpty() || origin.get().equals("null")) {
            return true;
        }
        String expected = (req.isSecure() ? "https://" : "http://") + req.authority();
        return origin.get().toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT));
    }

    private static void tooLarge(AdminContext ctx, ServerResponse res, Visit visit) {
        ctx.counters.oversizedPost();
        ctx.attackLog.note(AttackLog.Kind.OVERSIZED_POST, visit.client());
        res.header("Connection", "close");
        Respond.plain(res, Status.REQUEST_ENTITY_TOO_LARGE_413, "This form is larger than the setup page accepts.\n");
    }

    private static void refuse(AdminContext ctx, ServerResponse res, Visit visit, String why) {
        ctx.counters.refusedForm();
        ctx.attackLog.note(AttackLog.Kind.REFUSED_FORM, visit.client());
        res.header("Connection", "close");
        Respond.html(res, Status.FORBIDDEN_403, Layout.message("Form expired", visit,
                "This form has expired or did not come from this page. Go back, reload the page and try again.",
                "/", "Start again"));
    }
}
