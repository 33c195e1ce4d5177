package network.mask.node.telemetry;

/** Where the telemetry reads the network's view of the node (fed by the node's network view). Cheap; never blocks. */
@FunctionalInterface
public interface NetworkSource {

    NetworkReading read();
}
