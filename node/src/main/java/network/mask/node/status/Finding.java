package network.mask.node.status;

import java.util.Objects;

/** One condition that holds now, with the plain sentence that tells the owner about it. */
public record Finding(Condition condition, String sentence) {

    public Finding {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(sentence, "sentence");
    }
}
