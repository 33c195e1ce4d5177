package network.mask.webui.spi;

import java.util.List;
import java.util.Objects;

/**
 * The node's status for the dashboard, from the node's one status model: the light, the
 * conditions that hold (most important first, each with a plain sentence and the page that fixes
 * it), whether the node was reached from the internet, and what the network says about it.
 *
 * @param light      {@code green} (working on the network, nothing else), {@code amber} or {@code blue} (setup)
 * @param conditions what holds, most important first; never empty for a known status
 * @param reached    "Reached from the internet 3 minutes ago (by the network's directory)" or "Not reached … since …"
 * @param routerSteps what to check on the router when the node is not reached; empty when it is
 * @param network    the network's view of the node, label and value, in display order
 */
public record StatusReport(String light, List<Item> conditions, String reached, List<String> routerSteps, List<Fact> network) {

    /** Before the node has told anything (a test backend, or a node without a status model). */
    public static final StatusReport UNKNOWN = new StatusReport("grey",
            List.of(new Item("unknown", "grey", "The node has not reported its status.", "", "")), "", List.of(), List.of());

    public StatusReport {
        Objects.requireNonNull(light, "light");
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(reached, "reached");
        routerSteps = List.copyOf(routerSteps);
        network = List.copyOf(network);
    }

    /**
     * @param code     short machine name, e.g. {@code not-bonded}
     * @param light    this condition's own colour
     * @param sentence the plain sentence for the owner
     * @param fixPath  the setup page path that fixes it ("" for none)
     * @param fixLabel the link's words
     */
    public record Item(String code, String light, String sentence, String fixPath, String fixLabel) {
        public Item {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(light, "light");
            Objects.requireNonNull(sentence, "sentence");
            Objects.requireNonNull(fixPath, "fixPath");
            Objects.requireNonNull(fixLabel, "fixLabel");
        }
    }

    public record Fact(String label, String value) {
        public Fact {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }
    }
}
