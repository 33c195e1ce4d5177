package network.mask.node.boardlink;

import network.mask.node.metrics.MetricsSnapshot;

/**
 * Packet rates from two metrics snapshots about a second apart. The board feed samples once a
 * second; the dashboard and the LEDs read the latest rates without touching the pipeline.
 */
public final class TrafficRates {

    /** Per-second rates over the last sampling interval. */
    public record Rates(double in, double out, double dropped) {
        static final Rates NONE = new Rates(0, 0, 0);
    }

    private MetricsSnapshot previous;
    private volatile Rates latest = Rates.NONE;

    /** Records a new sample and returns the rates since the previous one. */
    public synchronized Rates update(MetricsSnapshot now) {
        MetricsSnapshot p = previous;
        previous = now;
        if (p == null) return latest;
        latest = new Rates(
                MetricsSnapshot.ratePerSecond(p.packetsReceived(), now.packetsReceived(), p.at(), now.at()),
                MetricsSnapshot.ratePerSecond(p.packetsForwarded(), now.packetsForwarded(), p.at(), now.at()),
                MetricsSnapshot.ratePerSecond(p.packetsDropped(), now.packetsDropped(), p.at(), now.at()));
        return latest;
    }

    public Rates latest() {
        return latest;
    }
}
