package network.mask.webui.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Optional;

import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import network.mask.webui.security.Session;

/**
 * Runs first for every request: refuses peers outside the home network and foreign Host names,
 * adds the security headers, finds the session, and applies {@link AccessRules}.
 */
final class Gate implements Filter {

    private static final System.Logger LOG = System.getLogger(Gate.class.getName());

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private final AdminContext ctx;

    Gate(AdminContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        InetAddress client = peer(req.remotePeer().address());
        if (client == null || !ctx.sourceAllowed.test(client)) {
            LOG.log(System.Logger.Level.WARNING, "refused setup page request from non-private address "
                    + (client == null ? "?" : client.getHostAddress()));
            ctx.counters.refusedPeer();
            res.header("Connection", "close");
            Respond.plain(res, Status.FORBIDDEN_403, "The setup page only answers devices on the home network.\n");
            return;
        }
        String path = req.path().path();
        securityHeaders(res, path);
        if (!ctx.hostHeader.allowed(req.authority())) {
            ctx.counters.refusedHostName();
            Respond.plain(res, Status.FORBIDDEN_403,
                    "Open the setup page by the box's address, such as http://masknode.local or its IP address.\n");
            return;
        }
        Optional<Session> session = ctx.cookie.read(req).flatMap(ctx.sessions::find);
        req.context().register(new Visit(client, session));
        Session.Level level = session.map(Session::level).orElse(Session.Level.ANONYMOUS);
        switch (AccessRules.decide(path, ctx.claimed(), level)) {
            case AccessRules.Proceed p -> chain.proceed();
            case AccessRules.Redirect r -> Respond.redirect(res, r.location());
            case AccessRules.Unauthorized u -> Respond.plain(res, Status.UNAUTHORIZED_401, "Log in first.\n");
        }
    }

    private static void securityHeaders(RoutingResponse res, String path) {
        res.header("Content-Security-Policy", CSP);
        res.header("X-Content-Type-Options", "nosniff");
        res.header("X-Frame-Options", "DENY");
        res.header("Referrer-Policy", "no-referrer");
        res.header("Cross-Origin-Opener-Policy", "same-origin");
        res.header("Cross-Origin-Resource-Policy", "same-origin");
        res.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), usb=(), payment=()");
        res.header("Cache-Control", path.startsWith("/static/") ? "no-cache" : "no-store");
    }

    private static InetAddress peer(SocketAddress address) {
        return address instanceof InetSocketAddress isa ? isa.getAddress() : null;
    }
}
