package network.mask.board.state;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import network.mask.board.NodeState;

/**
 * Everything that currently holds, as reported by the node, the health readings and the button.
 * Immutable: each change makes a new copy, so the LED thread always sees a consistent set.
 *
 * @param identifyUntil monotonic millis until which identify shows; {@link Long#MIN_VALUE} for none
 * @param packetRate    packets per second
 */
public record Conditions(boolean booting, boolean setupNeeded, boolean claiming, Set<String> nodeReasons,
                         Set<String> healthReasons, Optional<String> error, long identifyUntil,
                         double packetRate, boolean resetCountdown) {

    /** From this rate on the running light flickers. */
    public static final double TRAFFIC_THRESHOLD = 1.0;

    public Conditions {
        nodeReasons = Set.copyOf(nodeReasons);
        healthReasons = Set.copyOf(healthReasons);
    }

    /** Power-on: booting, nothing else known. */
    public static Conditions initial() {
        return new Conditions(true, false, false, Set.of(), Set.of(), Optional.empty(), Long.MIN_VALUE, 0, false);
    }

    /** Every state whose condition holds at {@code now}. */
    public Set<NodeState> activeStates(long now) {
        Set<NodeState> active = EnumSet.of(NodeState.RUNNING);
        if (resetCountdown) active.add(NodeState.FACTORY_RESET_COUNTDOWN);
        if (now < identifyUntil) active.add(NodeState.IDENTIFY);
        if (error.isPresent()) active.add(NodeState.ERROR);
        if (claiming) active.add(NodeState.CLAIMING);
        if (setupNeeded) active.add(NodeState.NEEDS_SETUP);
        if (booting) active.add(NodeState.BOOTING);
        if (!nodeReasons.isEmpty() || !healthReasons.isEmpty()) active.add(NodeState.DEGRADED);
        if (packetRate >= TRAFFIC_THRESHOLD) active.add(NodeState.RUNNING_WITH_TRAFFIC);
        return active;
    }

    /** Node and health reasons together, sorted. */
    public Set<String> degradedReasons() {
        Set<String> all = new TreeSet<>(nodeReasons);
        all.addAll(healthReasons);
        return all;
    }

    public Conditions withBooting(boolean value) {
        return new Conditions(value, setupNeeded, claiming, nodeReasons, healthReasons, error, identifyUntil, packetRate, resetCountdown);
    }

    public Conditions withSetupNeeded(boolean value) {
        return new Conditions(booting, value, claiming, nodeReasons, healthReasons, error, identifyUntil, packetRate, resetCountdown);
    }

    public Conditions withClaiming(boolean value) {
        return new Conditions(booting, setupNeeded, value, nodeReasons, healthReasons, error, identifyUntil, packetRate, resetCountdown);
    }

    public Conditions withNodeReason(String reason, boolean active) {
        Set<String> reasons = new TreeSet<>(nodeReasons);
        if (active) reasons.add(reason);
        else reasons.remove(reason);
        return new Conditions(booting, setupNeeded, claiming, reasons, healthReasons, error, identifyUntil, packetRate, resetCountdown);
    }

    public Conditions withHealthReasons(Set<String> reasons) {
        return new Conditions(booting, setupNeeded, claiming, nodeReasons, reasons, error, identifyUntil, packetRate, resetCountdown);
    }

    public Conditions withError(Optional<String> value) {
        return new Conditions(booting, setupNeeded, claiming, nodeReasons, healthReasons, value, identifyUntil, packetRate, resetCountdown);
    }

    public Conditions withIdentifyUntil(long value) {
        return new Conditions(booting, setupNeeded, claiming, nodeReasons, healthReasons, error, value, packetRate, resetCountdown);
    }

    public Conditions withPacketRate(double value) {
        return new Conditions(booting, setupNeeded, claiming, nodeReasons, healthReasons, error, identifyUntil, value, resetCountdown);
    }

    public Conditions withResetCountdown(boolean value) {
        return new Conditions(booting, setupNeeded, claiming, nodeReasons, healthReasons, error, identifyUntil, packetRate, value);
    }
}
