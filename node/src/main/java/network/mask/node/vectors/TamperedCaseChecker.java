package network.mask.node.vectors;

import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import network.mask.node.sphinx.HopResult;
import network.mask.node.sphinx.RejectReason;
import network.mask.node.sphinx.SphinxProcessor;
import network.mask.node.sphinx.crypto.SphinxCrypto;
import network.mask.node.sphinx.crypto.bc.BcProvider;

/**
 * One case of a tampered file. Rust error kinds map to our rejections: {@code InvalidHeader} is
 * {@link RejectReason#BAD_MAC}, {@code InvalidPacket} is {@link RejectReason#WRONG_LENGTH},
 * {@code InvalidRouting} is {@link RejectReason#UNKNOWN_FLAG}, and {@code recover_plaintext=Err(InvalidPayload)}
 * is a final hop without plaintext. A packet whose alpha is of low order must be refused with
 * {@link RejectReason#BAD_GROUP_ELEMENT} whatever Rust does: our documented, safe divergence.
 */
final class TamperedCaseChecker {

    private static final Pattern TRACE = Pattern.compile("hop(\\d+):(\\S+)(?: recover_plaintext=(\\S+))?");

    private final SphinxCrypto crypto;

    TamperedCaseChecker(SphinxCrypto crypto) {
        this.crypto = crypto;
    }

    CaseOutcome check(Fields base, Fields c, String label) {
        try {
            List<Fields> route = base.objects("route");
            byte[] packet = c.hex("packet_hex");
            String problem;
            String what;
            if (c.has("replay_tag_hex")) {
                what = "replay tag recorded and the replay detected";
                problem = replayProblem(c, route, packet);
            } else if (lowOrderAlpha(packet)) {
                String rust = c.has("expected") ? render(c.raw("expected")) : render(c.raw("expected_rust"));
                what = "rejected " + RejectReason.BAD_GROUP_ELEMENT + " (Rust: " + rust + "; safe divergence)";
                HopResult result = HopRun.of(new SphinxProcessor(crypto), packet, key(c, route)).result();
                problem = result instanceof HopResult.Rejected r && r.reason() == RejectReason.BAD_GROUP_ELEMENT
                        ? null : "low-order alpha must be rejected, got " + HopRun.describe(result);
            } else if (!c.has("expected")) {
                throw new VectorFormatException("case has neither 'expected' nor 'replay_tag_hex'");
            } else if (c.raw("expected").getValueType() == jakarta.json.JsonValue.ValueType.ARRAY) {
                List<String> trace = c.strings("expected");
                what = "trace of " + trace.size() + " hops as expected";
                problem = traceProblem(trace, route, packet);
            } else {
                String expected = c.string("expected");
                HopResult result = HopRun.of(new SphinxProcessor(crypto), packet, key(c, route)).result();
                what = expected + " -> " + HopRun.describe(result);
                problem = resultProblem(expected, null, result);
            }
            return problem == null ? CaseOutcome.pass(label, what) : CaseOutcome.fail(label, problem);
        } catch (VectorFormatException e) {
            return CaseOutcome.fail(label, "malformed case: " + e.getMessage());
        } catch (RuntimeException e) {
            return CaseOutcome.fail(label, "error: " + e);
        }
    }

    /**
     * The key of the hop named by {@code processed_by_hop}; the {@code wrong_node_key} case (and any
     * case with {@code processed_with_key_of_hop}) deliberately uses the following hop's key.
     */
    private static byte[] key(Fields c, List<Fields> route) throws VectorFormatException {
        int hop = c.has("processed_by_hop") ? c.integer("processed_by_hop") : 0;
        if (c.has("processed_with_key_of_hop")) {
            hop = c.integer("processed_with_key_of_hop");
        } else if (c.has("name") && c.string("name").equals("wrong_node_key")) {
            hop = (hop + 1) % route.size();
        }
        if (hop < 0 || hop >= route.size()) throw new VectorFormatException("hop index " + hop + " outside the route");
        return route.get(hop).hex("private_key_hex");
    }

    private String replayProblem(Fields c, List<Fields> route, byte[] packet) throws VectorFormatException {
        byte[] key = key(c, route);
        HopRun first = HopRun.of(new SphinxProcessor(crypto), packet, key);
        if (first.replayTag() == null) return "no replay tag reported (" + HopRun.describe(first.result()) + ")";
        if (!Arrays.equals(c.hex("replay_tag_hex"), first.replayTag())) return "replay tag differs";
        Set<String> seen = new HashSet<>();
        SphinxProcessor processor = new SphinxProcessor(crypto);
        HexFormat hex = HexFormat.of();
        HopResult once = processor.process(packet.clone(), key, tag -> seen.add(hex.formatHex(tag)));
        HopResult twice = processor.process(packet.clone(), key, tag -> seen.add(hex.formatHex(tag)));
        if (once instanceof HopResult.Rejected) return "first delivery rejected: " + HopRun.describe(once);
        return twice instanceof HopResult.Rejected r && r.reason() == RejectReason.REPLAYED ? null
                : "second delivery not flagged as a replay: " + HopRun.describe(twice);
    }

    private String traceProblem(List<String> trace, List<Fields> route, byte[] packet) throws VectorFormatException {
        SphinxProcessor processor = new SphinxProcessor(crypto);
        byte[] input = packet;
        for (String step : trace) {
            Matcher m = TRACE.matcher(step.trim());
            if (!m.matches()) throw new VectorFormatException("unreadable trace step '" + step + "'");
            int hop = Integer.parseInt(m.group(1));
            if (hop >= route.size()) throw new VectorFormatException("trace hop " + hop + " outside the route");
            HopResult result = HopRun.of(processor, input, route.get(hop).hex("private_key_hex")).result();
            String problem = resultProblem(m.group(2), m.group(3), result);
            if (problem != null) return "hop " + hop + ": " + problem;
            if (result instanceof HopResult.Forward f) input = f.packet();
        }
        return null;
    }

    /** Compares one result with a Rust expectation such as {@code InvalidHeader} or {@code Ok(FinalHop)}. */
    private static String resultProblem(String expected, String recovery, HopResult result) throws VectorFormatException {
        String kind = expected.startsWith("from_bytes:") ? expected.substring("from_bytes:".length()) : expected;
        return switch (kind) {
            case "Ok(ForwardHop)" -> result instanceof HopResult.Forward ? null : "expected forward, got " + HopRun.describe(result);
            case "Ok(FinalHop)" -> {
                if (!(result instanceof HopResult.Final fin)) yield "expected final, got " + HopRun.describe(result);
                if (recovery == null) yield null;
                boolean recovered = fin.plaintext().isPresent();
                if (recovery.startsWith("Err")) yield recovered ? "payload should not decode, but did" : null;
                if (recovery.startsWith("Ok")) yield recovered ? null : "payload should decode, but did not";
                throw new VectorFormatException("unknown recover_plaintext outcome '" + recovery + "'");
            }
            case "InvalidHeader" -> rejected(result, RejectReason.BAD_MAC);
            case "InvalidPacket" -> rejected(result, RejectReason.WRONG_LENGTH);
            case "InvalidRouting" -> rejected(result, RejectReason.UNKNOWN_FLAG);
            default -> throw new VectorFormatException("unsupported expectation '" + expected + "'");
        };
    }

    private static String rejected(HopResult result, RejectReason reason) {
        return result instanceof HopResult.Rejected r && r.reason() == reason ? null
                : "expected rejected " + reason + ", got " + HopRun.describe(result);
    }

    /** A low-order alpha makes every node's shared secret all-zero, whatever its key. */
    static boolean lowOrderAlpha(byte[] packet) {
        if (packet.length < 32) return false;
        byte[] scalar = new byte[32];
        Arrays.fill(scalar, (byte) 0x55);
        return !BcProvider.INSTANCE.x25519().scalarMult(scalar, 0, packet, 0, new byte[32], 0);
    }

    private static String render(jakarta.json.JsonValue value) {
        return value instanceof jakarta.json.JsonString s ? s.getString() : value.toString();
    }
}
