package network.mask.node.sphinx.crypto.ffm;

/** Logs, once per library and process, whether a native backend could be loaded. */
final class NativeStatus {

    private static final System.Logger LOG = System.getLogger("network.mask.node.sphinx.crypto");

    private NativeStatus() {}

    /** Called from the library holder's static initializer, which runs once. */
    static void report(String library, String failure) {
        if (failure == null) {
            LOG.log(System.Logger.Level.DEBUG, "{0} loaded for the Sphinx crypto backends", library);
        } else {
            LOG.log(System.Logger.Level.WARNING,
                    "{0}; the Sphinx engine falls back to the pure-Java backends", failure);
        }
    }

    /** Wraps a failed downcall; these only fail on a broken binding, never on packet content. */
    static IllegalStateException downcallFailed(String function, Throwable cause) {
        return new IllegalStateException(function + " downcall failed", cause);
    }
}
