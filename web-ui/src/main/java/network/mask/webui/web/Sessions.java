package network.mask.webui.web;

import io.helidon.webserver.http.ServerResponse;
import network.mask.webui.security.Session;

/** Session steps shared by the claim, login and password pages. */
final class Sessions {

    private Sessions() {
    }

    /** The visitor's session, or a new anonymous one (with its cookie) so forms can carry a CSRF token. */
    static Session ensure(AdminContext ctx, Visit visit, ServerResponse res) {
        if (visit.session().isPresent()) {
            return visit.session().get();
        }
        Session s = ctx.sessions.create(Session.Level.ANONYMOUS, visit.client());
        ctx.cookie.set(res, s);
        return s;
    }

    /** A new session id at a higher level: the old id (which a fixation attacker might know) dies. */
    static Session promote(AdminContext ctx, Visit visit, Session old, Session.Level level, ServerResponse res) {
        Session s = ctx.sessions.replace(java.util.Optional.of(old), level, visit.client());
        ctx.cookie.set(res, s);
        return s;
    }

    /** After a password change: every session ends, and only this browser gets a new owner session. */
    static Session renewAlone(AdminContext ctx, Visit visit, ServerResponse res) {
        ctx.sessions.invalidateAll();
        Session s = ctx.sessions.create(Session.Level.OWNER, visit.client());
        ctx.cookie.set(res, s);
        return s;
    }
}
