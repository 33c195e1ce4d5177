package network.mask.node.vectors;

/** The verdict on one case of a vector file; {@code detail} says what was checked or what differed. */
public record CaseOutcome(String name, boolean passed, String detail) {

    static CaseOutcome pass(String name, String detail) {
        return new CaseOutcome(name, true, detail);
    }

    static CaseOutcome fail(String name, String detail) {
        return new CaseOutcome(name, false, detail);
    }
}
