package network.mask.node.worker;

import java.util.List;
import java.util.function.Supplier;
import network.mask.node.keys.NodeKeys;
import network.mask.node.keys.SphinxKey;
import network.mask.node.metrics.Drop;
import network.mask.node.metrics.Event;
import network.mask.node.metrics.MixMetrics;
import network.mask.node.outfox.OutfoxProcessor;
import network.mask.node.outfox.OutfoxResult;
import network.mask.node.scheduler.DelayScheduler;
import network.mask.node.sphinx.NodeAddress;
import network.mask.node.wire.KeyRotation;
import network.mask.node.wire.OutfoxFrame;

/**
 * One Outfox hop on a worker thread, as nym-node handles packet type 2
 * ({@code nym-node/src/node/mixnet/handler.rs}): no replay check (Outfox has no replay tag,
 * {@code framing/src/processing.rs PartialMixProcessingResult::replay_tag}), the key of the
 * frame's rotation (unknown: the primary only, with no retry on the secondary, as
 * {@code try_full_unwrap_packet} does), and no delay before the next hop.
 */
final class OutfoxHop {

    private final OutfoxProcessor processor = new OutfoxProcessor();
    private final Supplier<NodeKeys> keys;
    private final DelayScheduler scheduler;
    private final MixMetrics metrics;

    OutfoxHop(Supplier<NodeKeys> keys, DelayScheduler scheduler, MixMetrics metrics) {
        this.keys = keys;
        this.scheduler = scheduler;
        this.metrics = metrics;
    }

    void process(OutfoxFrame frame) {
        NodeKeys current = keys.get();
        SphinxKey key;
        if (frame.rotation() == KeyRotation.UNKNOWN) {
            key = current.primary();
        } else {
            List<SphinxKey> candidates = KeySelection.candidates(current, frame.rotation());
            if (candidates.isEmpty()) {
                metrics.drop(Drop.NO_KEY_FOR_ROTATION);
                return;
            }
            key = candidates.getFirst();
        }
        OutfoxResult result;
        try {
            result = processor.process(frame.packet(), key.privateKeyForEngine());
        } catch (RuntimeException e) {
            metrics.drop(Drop.ENGINE_ERROR);
            return;
        }
        switch (result) {
            case OutfoxResult.Forward f -> {
                NodeAddress next = NodeAddress.decode(f.nextHop(), 0);
                if (next == null) {
                    metrics.drop(Drop.OUTFOX_MALFORMED);
                    return;
                }
                metrics.event(Event.OUTFOX_FORWARDED);
                scheduler.passOnOutfox(next, frame.sizeTag(), f.packet());
            }
            case OutfoxResult.Final f -> {
                // A mix node is not a gateway: nym-node's final-hop processing is off on mixnodes.
                metrics.finalHop();
                metrics.drop(Drop.FINAL_HOP);
            }
            case OutfoxResult.Rejected r -> metrics.drop(Drop.of(r.error()));
        }
    }
}
