package network.mask.node.reachability;

/** What reached the node from outside its home network. */
public enum Witness {
    /** A describe request on the public API: nym-api reading the node's self-description. */
    DIRECTORY("directory", "the network's directory"),
    /** An inbound mix connection that carried a whole, well-formed frame. */
    MIX_PEER("mix_peer", "a mix node");

    private final String key;
    private final String words;

    Witness(String key, String words) {
        this.key = key;
        this.words = words;
    }

    /** The name in the saved file. */
    String key() {
        return key;
    }

    /** In the owner's words, e.g. "the network's directory". */
    public String words() {
        return words;
    }
}
