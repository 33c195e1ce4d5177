package network.mask.webui.web;

import static network.mask.webui.web.Html.esc;

import java.util.Optional;

import network.mask.webui.security.Session;

/** The page shell: no inline script or style anywhere, so the strict CSP holds. */
final class Layout {

    private Layout() {
    }

    /**
     * @param title   page title, also the visible heading
     * @param visit   decides whether the owner's navigation and logout button appear
     * @param body    already-escaped HTML
     * @param scripts our own script names under /static/ (loaded with defer)
     */
    static String page(String title, Visit visit, String body, String... scripts) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append(" · Mask Node</title>")
                .append("<link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">")
                .append("<link rel=\"stylesheet\" href=\"/static/app.css\">")
                .append("<script src=\"/static/app.js\" defer></script>");
        for (String script : scripts) {
            sb.append("<script src=\"/static/").append(script).append("\" defer></script>");
        }
        sb.append("</head><body><header class=\"top\"><a class=\"brand\" href=\"/\">Mask Node</a>");
        if (visit.isOwner()) {
            Session s = visit.session().orElseThrow();
            sb.append("<nav aria-label=\"Main\"><a href=\"/dashboard\">Dashboard</a><a href=\"/settings\">Settings</a>")
                    .append("<a href=\"/bonding\">Bonding</a><a href=\"" + MaintenancePage.PATH + "\">Maintenance</a><a href=\"").append(PasswordPage.PATH).append("\">Password</a>")
                    .append("<a href=\"").append(UpdatePage.PATH).append("\">Updates</a>")
                    .append("<form method=\"post\" action=\"/logout\" class=\"inline\">").append(Fields.csrf(s.csrfToken()))
                    .append("<button type=\"submit\" id=\"logout\" class=\"link\">Log out</button></form></nav>");
        }
        sb.append("</header><main><h1>").append(esc(title)).append("</h1>");
        flash(visit.session()).ifPresent(sb::append);
        sb.append(body).append("</main></body></html>");
        return sb.toString();
    }

    private static Optional<String> flash(Optional<Session> session) {
        return session.flatMap(Session::takeFlash)
                .map(m -> "<div class=\"notice ok\" role=\"status\" id=\"flash\">" + esc(m) + "</div>");
    }

    /** A short notice as its own page (expired forms, refusals, "restarting"). */
    static String message(String title, Visit visit, String text, String linkHref, String linkText) {
        return page(title, visit, "<p>" + esc(text) + "</p><p><a href=\"" + esc(linkHref) + "\">" + esc(linkText) + "</a></p>");
    }
}
