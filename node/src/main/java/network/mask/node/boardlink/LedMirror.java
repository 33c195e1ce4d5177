package network.mask.node.boardlink;

import java.util.Set;
import network.mask.board.LedView;
import network.mask.webui.spi.DashboardSnapshot.LedState;

/** What the box's LED shows, in the dashboard's words: colour, lit, blinking and a plain meaning. */
public final class LedMirror {

    private LedMirror() {}

    /** A degraded reason's code in words: {@code not-bonded} reads "not bonded". */
    static String words(String code) {
        return code.replace('-', ' ');
    }

    public static LedState of(LedView view, Set<String> degradedReasons, boolean ledsEnabled) {
        boolean lit = ledsEnabled || switch (view.state()) {
            case IDENTIFY, FACTORY_RESET_COUNTDOWN -> true;   // shown even with the LEDs switched off
            default -> false;
        };
        return switch (view.state()) {
            case BOOTING -> new LedState("#ffffff", lit, true, "Starting up");
            case NEEDS_SETUP -> new LedState("#0066ff", lit, true, "Waiting to be set up: open the setup page");
            case CLAIMING -> new LedState("#0066ff", lit, true, "Press the button on the box to confirm");
            case RUNNING -> new LedState("#00c853", lit, false, "Working on the network, no traffic right now");
            case RUNNING_WITH_TRAFFIC -> new LedState("#00c853", lit, true, "Working on the network: forwarding packets");
            case DEGRADED -> new LedState("#ffb300", lit, false, "Running, not (yet) working on the network or with a problem: "
                    + (degradedReasons.isEmpty() ? "see the log" : String.join("; ", degradedReasons.stream().map(LedMirror::inWords).toList())));
            case ERROR -> new LedState("#e53935", lit, true, "Error: the node needs attention (see the log)");
            case IDENTIFY -> new LedState("#ffffff", lit, true, "Identifying: blinking so you can find the box");
            case FACTORY_RESET_COUNTDOWN -> new LedState("#e53935", lit, true, "Factory reset countdown: release the button to cancel");
        };
    }

    /** The board feed's reason codes in the owner's words (issue 13: never "mqtt-auth-failed" on the page). */
    static String inWords(String reason) {
        return switch (reason) {
            case BoardFeed.MQTT_AUTH -> "the MQTT broker refused the user name or password (Settings, Home Assistant)";
            case BoardFeed.MQTT_DOWN -> "the MQTT broker cannot be reached or is not trusted (Settings, Home Assistant)";
            case BoardFeed.NO_NEXT_HOP -> "no other node of the network can be reached from here";
            default -> reason.replace('-', ' ');
        };
    }
}
