package network.mask.node.api;

import java.util.Objects;

/**
 * What the public API tells strangers of the node's status: only its place on the network (the
 * status model's network condition, e.g. {@code working}, {@code not-bonded}), which nym-api
 * publishes anyway. Health (power, temperature, disk, memory) and every sentence, age and address
 * stay on the owner's pages.
 *
 * @param state        the network condition's code
 * @param onTheNetwork whether the node is working on the network (the model's green, health aside)
 */
public record PublicNetworkState(String state, boolean onTheNetwork) {

    public PublicNetworkState {
        Objects.requireNonNull(state);
        if (!state.matches("[a-z][a-z-]{0,40}")) throw new IllegalArgumentException("not a condition code: " + state);
    }
}
