package network.mask.webui.web;

import static network.mask.webui.web.Html.esc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import network.mask.webui.security.Session;

/**
 * "This applies after a restart. [Restart now]": what was saved but is not in use yet. The node
 * names its saved-but-not-running settings; the page adds what it did itself (a restored backup).
 * One per server start, so a restart clears it by itself.
 */
final class RestartNotice {

    private final List<String> ownReasons = new CopyOnWriteArrayList<>();

    void add(String reason) {
        if (!ownReasons.contains(reason)) ownReasons.add(reason);
    }

    List<String> reasons(AdminContext ctx) {
        List<String> all = new ArrayList<>(ctx.backend.settings().waitingForRestart());
        all.addAll(ownReasons);
        return all;
    }

    /** The notice with its button, or "" when nothing waits for a restart. */
    String html(AdminContext ctx, Session session) {
        List<String> reasons = reasons(ctx);
        if (reasons.isEmpty()) return "";
        StringBuilder sb = new StringBuilder("<div class=\"notice warn\" role=\"status\" id=\"restart-notice\">")
                .append("<p><strong>Saved. This takes effect after a restart.</strong> Until then the node keeps running, and "
                        + "tells the network, what it started with:</p><ul>");
        for (String r : reasons) sb.append("<li>").append(esc(r)).append("</li>");
        sb.append("</ul><form method=\"post\" action=\"/actions/restart\">").append(Fields.csrf(session.csrfToken()))
                .append("<button type=\"submit\" id=\"restart-now\">Restart now</button></form></div>");
        return sb.toString();
    }
}
