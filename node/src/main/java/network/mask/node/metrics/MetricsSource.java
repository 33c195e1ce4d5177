package network.mask.node.metrics;

/**
 * Read side of the node's in-process metrics. The API, telemetry and dashboard adapters read
 * through this and never reach into the pipeline's internals.
 */
@FunctionalInterface
public interface MetricsSource {
    /** A consistent-enough copy of every counter and gauge, cheap to take every second. */
    MetricsSnapshot snapshot();
}
