package network.mask.node.update;

/** Told each {@link Step} as it completes; the tests throw from here to cut the power. */
@FunctionalInterface
public interface StepListener {
    StepListener NONE = step -> { };

    void reached(Step step);
}
