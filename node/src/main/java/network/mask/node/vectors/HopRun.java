package network.mask.node.vectors;

import network.mask.node.sphinx.HopResult;
import network.mask.node.sphinx.SphinxProcessor;

/** One call of the processor on a copy of a packet, remembering the replay tag it reported. */
record HopRun(HopResult result, byte[] replayTag) {

    static HopRun of(SphinxProcessor processor, byte[] packet, byte[] nodeKey) {
        byte[][] tag = new byte[1][];
        HopResult result = processor.process(packet.clone(), nodeKey, seen -> {
            tag[0] = seen.clone();
            return true;
        });
        return new HopRun(result, tag[0]);
    }

    /** {@code forward}, {@code final} or the rejection reason, for messages. */
    static String describe(HopResult result) {
        return switch (result) {
            case HopResult.Forward f -> "forward";
            case HopResult.Final f -> "final";
            case HopResult.Rejected r -> "rejected " + r.reason();
        };
    }

    /** Where two byte strings first differ, for messages. */
    static String difference(byte[] expected, byte[] actual) {
        if (expected.length != actual.length) return "length " + actual.length + ", expected " + expected.length;
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != actual[i]) return "first difference at byte " + i + " of " + expected.length;
        }
        return "equal";
    }
}
