package network.mask.node.worker;

/**
 * @param threads       crypto worker threads (the cores)
 * @param maxDelayNanos header delays above this are shortened to it (nym-node: 10 s)
 */
public record WorkerSettings(int threads, long maxDelayNanos) {}
