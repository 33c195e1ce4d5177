package network.mask.node.worker;

import network.mask.node.sphinx.HopResult;
import network.mask.node.sphinx.ReplayGuard;
import network.mask.node.sphinx.SphinxProcessor;

/**
 * One Sphinx hop, as the workers see it. {@link SphinxProcessor#process} fits this shape;
 * tests of the pipeline plug in trivial engines. One instance per worker thread.
 * <p>
 * Contract the workers rely on: a {@code BAD_MAC} rejection leaves {@code packet} unmodified,
 * so the same array can be tried with the next key (v7 frames: primary, then secondary).
 */
@FunctionalInterface
public interface HopEngine {

    HopResult process(byte[] packet, byte[] nodePrivateKey, ReplayGuard replayGuard);

    /**
     * The real engine on the preferred backends, without measuring: a fresh {@link SphinxProcessor}
     * (it holds per-thread scratch buffers). The daemon measures and caches its choice instead.
     */
    static HopEngine sphinx() {
        return new SphinxProcessor()::process;
    }
}
