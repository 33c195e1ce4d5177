package network.mask.node.api;

/**
 * The node's load as nym-node reports it at {@code /api/v1/load}: a tier for the machine, one for
 * the network, and the higher of the two as the total.
 * <ul>
 *   <li>machine: CPU load (5-minute load average per core); one tier higher when memory in use
 *       is in a higher tier than the CPU, as nym-node does;</li>
 *   <li>network: packets received per second against the rate the node is sized for
 *       ({@code replay.expected_rate}: beyond it the replay filters fill faster than planned);</li>
 *   <li>total: the higher of machine and network (unknown ones left out).</li>
 * </ul>
 */
record NodeLoad(LoadLevel total, LoadLevel machine, LoadLevel network) {

    /**
     * @param loadPerCpu       load average divided by the core count, NaN when unknown
     * @param memoryUsed       fraction of memory in use (0..1), NaN when unknown
     * @param packetsPerSecond packets received per second, NaN when not measured yet
     * @param expectedRate     packets per second the node is sized for; not positive: network unknown
     */
    static NodeLoad derive(double loadPerCpu, double memoryUsed, double packetsPerSecond, double expectedRate) {
        LoadLevel cpu = LoadLevel.of(loadPerCpu);
        LoadLevel memory = LoadLevel.of(memoryUsed);
        LoadLevel machine;
        if (cpu == LoadLevel.UNKNOWN) machine = memory;
        else machine = memory.compareTo(cpu) > 0 ? cpu.raised() : cpu;
        LoadLevel network = expectedRate > 0 && packetsPerSecond >= 0
                ? LoadLevel.of(packetsPerSecond / expectedRate) : LoadLevel.UNKNOWN;
        return new NodeLoad(LoadLevel.higher(machine, network), machine, network);
    }

    String json() {
        return SerdeJson.object()
                .string("total", total.jsonName())
                .string("machine", machine.jsonName())
                .string("network", network.jsonName())
                .end();
    }
}
