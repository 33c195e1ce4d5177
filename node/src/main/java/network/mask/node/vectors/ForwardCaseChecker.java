package network.mask.node.vectors;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import network.mask.node.sphinx.HopResult;
import network.mask.node.sphinx.NodeAddress;
import network.mask.node.sphinx.RouteHop;
import network.mask.node.sphinx.SphinxConstants;
import network.mask.node.sphinx.SphinxPacketBuilder;
import network.mask.node.sphinx.SphinxProcessor;
import network.mask.node.sphinx.crypto.SphinxCrypto;

/**
 * One forward case: each hop processes the packet the previous hop should have produced (so a
 * mismatch is pinned to its hop), and, when the case gives the sender's inputs, the packet is
 * rebuilt and compared byte for byte.
 */
final class ForwardCaseChecker {

    private final SphinxCrypto crypto;

    ForwardCaseChecker(SphinxCrypto crypto) {
        this.crypto = crypto;
    }

    CaseOutcome check(Fields c, String label) {
        try {
            List<String> checked = new ArrayList<>();
            String problem = null;
            if (c.has("hops")) {
                problem = checkHops(c);
                int hops = c.objects("hops").size();
                checked.add(hops + (hops == 1 ? " hop" : " hops"));
            }
            if (problem == null && hasSenderInputs(c)) {
                problem = checkConstruction(c);
                checked.add("sender construction");
            }
            if (checked.isEmpty()) return CaseOutcome.fail(label, "malformed case: neither 'hops' nor sender inputs");
            return problem == null ? CaseOutcome.pass(label, String.join(", ", checked) + " equal")
                    : CaseOutcome.fail(label, problem);
        } catch (VectorFormatException e) {
            return CaseOutcome.fail(label, "malformed case: " + e.getMessage());
        } catch (RuntimeException e) {
            return CaseOutcome.fail(label, "error: " + e);
        }
    }

    private String checkHops(Fields c) throws VectorFormatException {
        List<Fields> route = c.objects("route");
        List<Fields> hops = c.objects("hops");
        if (hops.size() > route.size()) throw new VectorFormatException("more hops than route entries");
        SphinxProcessor processor = new SphinxProcessor(crypto);
        byte[] input = c.hex("packet_hex");
        if (c.has("packet_len") && input.length != c.integer("packet_len")) {
            return "packet_hex has " + input.length + " bytes, packet_len says " + c.integer("packet_len");
        }
        for (int i = 0; i < hops.size(); i++) {
            Fields hop = hops.get(i);
            String at = "hop " + i + ": ";
            if (hop.has("input_packet_sha256") && !Arrays.equals(sha256(input), hop.hex("input_packet_sha256"))) {
                return at + "the file's own chain is broken (input_packet_sha256 does not match)";
            }
            HopRun run = HopRun.of(processor, input, route.get(i).hex("private_key_hex"));
            String expected = hop.string("result");
            if (hop.has("keys") && hop.object("keys").has("replay_tag_hex")
                    && !Arrays.equals(hop.object("keys").hex("replay_tag_hex"), run.replayTag())) {
                return at + "replay tag differs (" + HopRun.describe(run.result()) + ")";
            }
            String problem = switch (expected) {
                case "forward" -> forwardProblem(hop, run.result());
                case "final" -> finalProblem(c, hop, run.result());
                default -> throw new VectorFormatException("hop " + i + ": unknown result '" + expected + "'");
            };
            if (problem != null) return at + problem;
            if (expected.equals("forward")) input = hop.hex("output_packet_hex");
        }
        return null;
    }

    private static String forwardProblem(Fields hop, HopResult result) throws VectorFormatException {
        if (!(result instanceof HopResult.Forward forward)) return "expected forward, got " + HopRun.describe(result);
        NodeAddress address = NodeAddress.decode(hop.hex("next_hop_address_hex"), 0);
        if (!forward.nextHop().equals(address)) return "next hop " + forward.nextHop() + ", expected " + address;
        long delay = hop.number("delay_nanos");
        long expectedDelay = delay < 0 ? Long.MAX_VALUE : delay;
        if (forward.delayNanos() != expectedDelay) return "delay " + forward.delayNanos() + ", expected " + expectedDelay;
        byte[] output = hop.hex("output_packet_hex");
        if (!Arrays.equals(output, forward.packet())) {
            return "forwarded packet differs (" + HopRun.difference(output, forward.packet()) + ")";
        }
        return null;
    }

    private static String finalProblem(Fields c, Fields hop, HopResult result) throws VectorFormatException {
        if (!(result instanceof HopResult.Final fin)) return "expected final, got " + HopRun.describe(result);
        if (!Arrays.equals(hop.hex("destination_hex"), fin.destination())) return "destination differs";
        if (!Arrays.equals(hop.hex("identifier_hex"), fin.surbId())) return "SURB identifier differs";
        byte[] payload = hop.hex("final_payload_hex");
        if (!Arrays.equals(payload, fin.payload())) {
            return "final payload differs (" + HopRun.difference(payload, fin.payload()) + ")";
        }
        Optional<byte[]> plaintext = fin.plaintext();
        for (String key : new String[] {"recovered_plaintext_hex", "message_hex"}) {
            Fields source = key.equals("message_hex") ? c : hop;
            if (source.has(key) && (plaintext.isEmpty() || !Arrays.equals(source.hex(key), plaintext.get()))) {
                return plaintext.isEmpty() ? "payload padding invalid, no plaintext" : "recovered plaintext differs from " + key;
            }
        }
        return null;
    }

    private static boolean hasSenderInputs(Fields c) throws VectorFormatException {
        if (!(c.has("initial_secret_hex") && c.has("final_hop_padding_hex") && c.has("destination")
                && c.has("message_hex") && c.has("sphinx_version") && c.has("route") && c.has("packet_hex"))) {
            return false;
        }
        for (Fields hop : c.objects("route")) {
            if (!(hop.has("public_key_hex") && hop.has("address_hex") && hop.has("delay_nanos"))) return false;
        }
        return true;
    }

    private String checkConstruction(Fields c) throws VectorFormatException {
        List<RouteHop> route = new ArrayList<>();
        for (Fields hop : c.objects("route")) {
            NodeAddress address = NodeAddress.decode(hop.hex("address_hex"), 0);
            if (address == null) throw new VectorFormatException("route address of unknown type: " + hop.string("address_hex"));
            route.add(new RouteHop(hop.hex("public_key_hex"), address, hop.number("delay_nanos")));
        }
        byte[] expected = c.hex("packet_hex");
        int payloadLength = c.has("sphinx_payload_size") ? c.integer("sphinx_payload_size")
                : expected.length - SphinxConstants.HEADER_SIZE;
        Fields destination = c.object("destination");
        byte[] built;
        try {
            built = new SphinxPacketBuilder(crypto).build(c.integer("sphinx_version"), payloadLength, route,
                    destination.hex("address_hex"), destination.hex("identifier_hex"), c.hex("message_hex"),
                    c.hex("initial_secret_hex"), c.hex("final_hop_padding_hex"));
        } catch (IllegalArgumentException e) {
            return "sender inputs refused: " + e.getMessage();
        }
        if (c.has("initial_alpha_hex") && !Arrays.equals(c.hex("initial_alpha_hex"), Arrays.copyOf(built, 32))) {
            return "sender's initial alpha differs";
        }
        return Arrays.equals(expected, built) ? null
                : "constructed packet differs (" + HopRun.difference(expected, built) + ")";
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
