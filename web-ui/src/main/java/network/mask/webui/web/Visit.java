package network.mask.webui.web;

import java.net.InetAddress;
import java.util.Optional;

import network.mask.webui.security.Session;

/** Who is asking, worked out once per request by {@link Gate} and kept in the request context. */
record Visit(InetAddress client, Optional<Session> session) {

    boolean isOwner() {
        return session.map(Session::isOwner).orElse(false);
    }
}
