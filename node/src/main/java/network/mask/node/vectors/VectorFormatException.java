package network.mask.node.vectors;

/** A vector file or case that does not follow the schema (missing field, bad hex, not JSON). */
public final class VectorFormatException extends Exception {

    public VectorFormatException(String message) {
        super(message);
    }
}
