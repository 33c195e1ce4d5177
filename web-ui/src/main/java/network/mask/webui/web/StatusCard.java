package network.mask.webui.web;

import static network.mask.webui.web.Html.esc;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.Map;
import network.mask.webui.spi.StatusReport;

/**
 * The dashboard's "on the network?" card: the status light, the sentence of the condition that
 * holds first with the link that fixes it, the other conditions, the evidence that the node was
 * reached from the internet (with the router steps when it was not) and the network's view of the
 * node. Rendered once with the page and sent again as the {@code status} event, which status.js
 * copies into place. Green only ever comes from the node's status model; grey means unknown (and,
 * in the browser, that the page lost contact with the box).
 */
final class StatusCard {

    static final Map<String, String> COLOURS = Map.of("green", "#00c853", "amber", "#ffb300", "blue", "#0066ff",
            "grey", "#9e9e9e");

    private StatusCard() {}

    static String colour(String light) {
        return COLOURS.getOrDefault(light, COLOURS.get("grey"));
    }

    /** Only our own pages are linked: a path on this site, never a scheme or another host. */
    static boolean localPath(String path) {
        return path.startsWith("/") && !path.startsWith("//") && !path.contains("\\");
    }

    static String html(StatusReport r) {
        StatusReport.Item top = r.conditions().isEmpty() ? StatusReport.UNKNOWN.conditions().getFirst() : r.conditions().getFirst();
        StringBuilder b = new StringBuilder(2048);
        b.append("<section class=\"card\" id=\"status\" aria-labelledby=\"state-title\"><h2 id=\"state-title\">On the network?</h2>")
                .append("<div class=\"led-row\"><svg class=\"led\" viewBox=\"0 0 20 20\" width=\"32\" height=\"32\" aria-hidden=\"true\">")
                .append("<circle id=\"state-lamp\" cx=\"10\" cy=\"10\" r=\"8\" fill=\"").append(colour(r.light())).append("\"/></svg>")
                .append("<p><strong id=\"state-headline\" data-light=\"").append(esc(r.light())).append("\" data-code=\"")
                .append(esc(top.code())).append("\">").append(esc(top.sentence())).append("</strong></p></div>")
                .append("<p id=\"state-fix\">").append(fixLink(top)).append("</p>")
                .append("<ul id=\"state-more\">");
        for (StatusReport.Item i : r.conditions().subList(Math.min(1, r.conditions().size()), r.conditions().size())) {
            b.append("<li data-code=\"").append(esc(i.code())).append("\">").append(esc(i.sentence())).append(' ')
                    .append(fixLink(i)).append("</li>");
        }
        b.append("</ul><h3>Reached from the internet?</h3><p id=\"reach-evidence\">").append(esc(r.reached())).append("</p>")
                .append("<ol id=\"reach-steps\" class=\"steps\">");
        for (String step : r.routerSteps()) b.append("<li>").append(esc(step)).append("</li>");
        b.append("</ol><h3 id=\"network\">The network's view of this node</h3><dl class=\"figures\" id=\"network-facts\">");
        for (StatusReport.Fact f : r.network()) {
            b.append("<div><dt>").append(esc(f.label())).append("</dt><dd>").append(esc(f.value())).append("</dd></div>");
        }
        return b.append("</dl></section>").toString();
    }

    private static String fixLink(StatusReport.Item i) {
        if (i.fixPath().isEmpty() || !localPath(i.fixPath())) return "";
        return "<a href=\"" + esc(i.fixPath()) + "\">" + esc(i.fixLabel().isEmpty() ? "Fix this" : i.fixLabel()) + "</a>";
    }

    static String json(StatusReport r) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (StatusReport.Item i : r.conditions()) {
            items.add(Json.createObjectBuilder().add("code", i.code()).add("light", i.light()).add("sentence", i.sentence())
                    .add("fixPath", localPath(i.fixPath()) ? i.fixPath() : "").add("fixLabel", i.fixLabel()));
        }
        JsonArrayBuilder steps = Json.createArrayBuilder();
        r.routerSteps().forEach(steps::add);
        JsonArrayBuilder network = Json.createArrayBuilder();
        for (StatusReport.Fact f : r.network()) network.add(Json.createObjectBuilder().add("label", f.label()).add("value", f.value()));
        return Json.createObjectBuilder().add("light", r.light()).add("colour", colour(r.light())).add("conditions", items)
                .add("reached", r.reached()).add("routerSteps", steps).add("network", network).build().toString();
    }
}
