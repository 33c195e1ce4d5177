package network.mask.webui.web;

import static network.mask.webui.web.Html.esc;

import java.util.Optional;
import network.mask.webui.spi.PublicView;

/** The dashboard card "What the network sees": what the public API tells anyone who asks. */
final class PublicViewCard {

    private PublicViewCard() {
    }

    static String section(Optional<PublicView> view) {
        if (view.isEmpty()) return "";
        PublicView v = view.get();
        StringBuilder b = new StringBuilder(1024);
        b.append("<section class=\"card\" aria-labelledby=\"public-title\" id=\"public-view\"><h2 id=\"public-title\">")
                .append("What the network sees</h2><p>Anyone on the internet can read these from the node's public API, as from "
                        + "every Nym node.</p><dl class=\"figures\">")
                .append("<div><dt>Load</dt><dd id=\"public-load\">").append(esc(v.load())).append("</dd></div>")
                .append("<div><dt>System information</dt><dd id=\"public-system-info\">")
                .append(v.systemInfoShared() ? "shared" : "not shared").append("</dd></div></dl>");
        if (v.systemInfoShared()) {
            b.append("<ul id=\"public-system-info-lines\">");
            for (String line : v.systemInfo()) b.append("<li>").append(esc(line)).append("</li>");
            b.append("</ul>");
        }
        b.append("<p class=\"hint\">Sharing system information is optional: Nym's directory (nym-api) does not read it. "
                + "It is off unless you set <code>api.expose_system_info = true</code>.</p></section>");
        return b.toString();
    }
}
