package network.mask.node.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import network.mask.node.nymapi.NodeRole;

/**
 * Derives the node's status from facts: the first network condition that holds, then the health
 * conditions. One model for the dashboard, the LEDs, MQTT and the public status, so they never
 * disagree. Green ({@link Condition#WORKING}) needs every fact: a public address, the terms, a
 * directory that lists the node with a bond and an active role, and recent evidence that the node
 * was reached from outside its home network.
 */
public final class StatusModel {

    /** Evidence older than this no longer shows that the node is reachable: nym-api re-describes nodes far more often. */
    public static final Duration REACH_WINDOW = Duration.ofHours(2);

    private StatusModel() {}

    public static NodeStatus of(StatusFacts f) {
        List<Finding> out = new ArrayList<>();
        out.add(network(f));
        for (Condition c : Condition.values()) {
            if (c.isHealth() && f.healthReasons().contains(c.code())) out.add(new Finding(c, health(c)));
        }
        return new NodeStatus(out);
    }

    private static Finding network(StatusFacts f) {
        DirectoryFacts d = f.directory();
        if (!f.publicAddressSet()) {
            return new Finding(Condition.SETUP_NOT_FINISHED, "Setup is not finished: the node has no public internet address, "
                    + "so the network cannot find it. Enter your home's public address or a host name that points to it.");
        }
        if (!f.termsAccepted()) {
            return new Finding(Condition.TERMS_NOT_ACCEPTED, "You have not accepted the Nym operator terms. The network gives "
                    + "such a node no config score, so it is never chosen to mix. Accept them in the settings "
                    + "(accepted_operator_terms_and_conditions in the config file).");
        }
        if (!d.asked()) {
            return new Finding(Condition.NETWORK_NOT_ASKED, "The node does not ask the network's directory (nym-api) about "
                    + "itself: no nym-api address is set ([network] nym_api_urls), so it cannot tell whether it is on the network.");
        }
        if (!d.reachable()) {
            String since = d.unreachableSince().map(t -> " since " + Ago.of(t, f.now()).replace(" ago", "")
                    .replace("just now", "a moment")).orElse("");
            String what = d.everAnswered() ? "The network's directory (nym-api) cannot be reached" + since
                    + (d.lastError().isBlank() ? "" : " (" + d.lastError() + ")")
                    + ". The figures below are the last known; the node keeps mixing with what it knew."
                    : "The network's directory (nym-api) has not answered yet"
                    + (d.lastError().isBlank() ? "" : " (" + d.lastError() + ")") + ". Check the box's internet connection.";
            return new Finding(Condition.NETWORK_UNREACHABLE, what);
        }
        if (!d.listed() && f.described().isEmpty()) {
            return new Finding(Condition.NOT_DESCRIBED, "The network has not described this node yet: its directory has "
                    + "not read the node's public API. Bond the node and check that both ports are forwarded to the box; "
                    + "the directory reads bonded nodes again within the hour.");
        }
        if (!d.listed() || d.nodeId().isEmpty()) {
            return new Finding(Condition.NOT_BONDED, "The network's directory read this node's description "
                    + Ago.of(f.described().orElseThrow(), f.now()) + ", but lists no bond for it. Bond the node with your "
                    + "Nym wallet; it shows as bonded at the directory's next refresh.");
        }
        long id = d.nodeId().getAsLong();
        NodeRole role = d.role().orElse(NodeRole.INACTIVE);
        if (role == NodeRole.STANDBY || role == NodeRole.INACTIVE) {
            String score = d.configScore().isPresent() && d.configScore().getAsDouble() <= 0
                    ? " The network gives it a config score of 0, so it is not chosen: check that the terms are accepted and "
                    + "the version is current."
                    : " The network chooses the active set each epoch (an hour) by performance and stake.";
            return new Finding(Condition.NOT_ACTIVE, "Bonded as node #" + id + ", but "
                    + (role == NodeRole.STANDBY ? "on standby this epoch: ready, not chosen to mix." : "not in this epoch's active set.")
                    + score);
        }
        Optional<StatusFacts.Evidence> reached = f.reached()
                .filter(e -> Duration.between(e.at(), f.now()).compareTo(REACH_WINDOW) <= 0);
        if (reached.isEmpty()) {
            return new Finding(Condition.NOT_REACHED, "Bonded as node #" + id + " and " + roleWords(role)
                    + " this epoch, but nothing outside your home network has reached the node "
                    + f.reached().map(e -> "since " + Ago.of(e.at(), f.now())).orElse("yet")
                    + ". Check that your router forwards both ports to the box.");
        }
        return new Finding(Condition.WORKING, "Working on the network: node #" + id + " mixes " + roleWords(role)
                + " this epoch. Reached from the internet " + Ago.of(reached.get().at(), f.now()) + " (by " + reached.get().by() + ").");
    }

    static String roleWords(NodeRole role) {
        return switch (role) {
            case LAYER1, LAYER2, LAYER3 -> "in layer " + role.layer();
            case ENTRY_GATEWAY -> "as an entry gateway";
            case EXIT_GATEWAY -> "as an exit gateway";
            case STANDBY -> "on standby";
            case INACTIVE -> "inactive";
        };
    }

    private static String health(Condition c) {
        return switch (c) {
            case UNDER_VOLTAGE -> "The power supply gives too little voltage: use the Raspberry Pi's own power supply.";
            case THROTTLED -> "The processor is being slowed down (throttled) by its firmware.";
            case CPU_HOT -> String.format(Locale.ROOT, "The processor is hot (%.0f °C or more): give the box air or a heatsink.",
                    HOT_CELSIUS);
            case DISK_LOW -> "The data disk is almost full: the node may not be able to save its state.";
            case MEMORY_LOW -> "Memory is almost used up: the node may be stopped by the system.";
            default -> throw new IllegalArgumentException(c + " is not a health condition");
        };
    }

    private static final double HOT_CELSIUS = network.mask.board.health.HealthAlarms.HOT_CELSIUS;
}
