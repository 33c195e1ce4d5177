package network.mask.webui.web;

import java.util.Locale;
import java.util.Optional;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.common.parameters.Parameters;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import network.mask.webui.security.Session;
import network.mask.webui.security.SessionStore;

/**
 * Every state-changing route is registered through {@link #csrfChecked}: the body must be a
 * URL-encoded form whose {@code csrf} field matches the session's token, and a browser-supplied
 * Origin or Sec-Fetch-Site must say the form came from this page. Anything else is 403.
 */
final class Posts {

    private static final System.Logger LOG = System.getLogger(Posts.class.getName());

    @FunctionalInterface
    interface FormHandler {
        void handle(ServerRequest req, ServerResponse res, Visit visit, Session session, Form form) throws Exception;
    }

    private Posts() {
    }

    static Handler csrfChecked(AdminContext ctx, FormHandler handler) {
        return (req, res) -> {
            Visit visit = visit(req);
            boolean urlEncoded = req.headers().contentType()
                    .map(ct -> ct.test(MediaTypes.APPLICATION_FORM_URLENCODED)).orElse(false);
            if (!urlEncoded) {
                Respond.plain(res, Status.UNSUPPORTED_MEDIA_TYPE_415, "Send this form from the setup page.\n");
                return;
            }
            if (!sameOrigin(req)) {
                refuse(ctx, res, visit, "cross-origin form post");
                return;
            }
            Parameters params = req.content().hasEntity() ? req.content().as(Parameters.class) : Parameters.empty("form");
            Optional<Session> session = visit.session();
            if (session.isEmpty() || !SessionStore.csrfMatches(session.get(), params.first("csrf").orElse(null))) {
                refuse(ctx, res, visit, session.isEmpty() ? "form post without a session" : "form post with a wrong CSRF token");
                return;
            }
            handler.handle(req, res, visit, session.get(), new Form(params));
        };
    }

    static Visit visit(ServerRequest req) {
        return req.context().get(Visit.class).orElseThrow(() -> new IllegalStateException("Gate did not run"));
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

    private static void refuse(AdminContext ctx, ServerResponse res, Visit visit, String why) {
        ctx.counters.refusedForm();
        LOG.log(System.Logger.Level.WARNING, "refused " + why + " from " + visit.client().getHostAddress());
        Respond.html(res, Status.FORBIDDEN_403, Layout.message("Form expired", visit,
                "This form has expired or did not come from this page. Go back, reload the page and try again.",
                "/", "Start again"));
    }
}
