package network.mask.webui.web;

import network.mask.webui.security.Session;

/**
 * Which paths a visitor may reach. Before the box is claimed only the claim pages work; after
 * that everything but the login page needs the owner's session. Pure, so it is tested directly.
 */
final class AccessRules {

    sealed interface Decision permits Proceed, Redirect, Unauthorized {
    }

    record Proceed() implements Decision {
    }

    record Redirect(String location) implements Decision {
    }

    /** For the live-figures stream, which a browser cannot follow to a login page. */
    record Unauthorized() implements Decision {
    }

    private AccessRules() {
    }

    static Decision decide(String path, boolean claimed, Session.Level level) {
        if (path.startsWith("/static/")) {
            return new Proceed();
        }
        if (!claimed) {
            return path.equals("/claim") || path.equals("/claim/password") ? new Proceed() : new Redirect("/claim");
        }
        if (path.equals("/claim") || path.startsWith("/claim/")) {
            return new Redirect("/");
        }
        if (path.equals("/login")) {
            return new Proceed();
        }
        if (level == Session.Level.OWNER) {
            return new Proceed();
        }
        return path.equals("/events") ? new Unauthorized() : new Redirect("/login");
    }
}
