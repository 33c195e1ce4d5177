package network.mask.webui.web;

import java.util.Optional;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import network.mask.webui.security.Session;

/**
 * The session cookie: HttpOnly (scripts cannot read it), SameSite=Strict (other sites cannot make
 * the browser send it), and Secure with the {@code __Host-} prefix when the page runs on TLS.
 */
final class SessionCookie {

    private final boolean tls;
    private final String name;

    SessionCookie(boolean tls) {
        this.tls = tls;
        this.name = tls ? "__Host-masknode" : "masknode";
    }

    Optional<String> read(ServerRequest req) {
        return req.headers().cookies().first(name).asOptional();
    }

    void set(ServerResponse res, Session session) {
        res.header("Set-Cookie", name + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Strict" + (tls ? "; Secure" : ""));
    }

    void clear(ServerResponse res) {
        res.header("Set-Cookie", name + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (tls ? "; Secure" : ""));
    }
}
