package network.mask.node.telemetry;

/** A message the broker delivered on a subscription. {@code retained} marks a stored (old) message. */
public record InboundMessage(String topic, String payload, boolean retained) {
}
