package network.mask.node.sphinx.crypto.ffm;

import java.util.Optional;
import network.mask.node.sphinx.crypto.CryptoProvider;

/** What the FFM providers share: availability comes from their library holder's static load. */
abstract class NativeProvider implements CryptoProvider {

    /** Why the library did not load, or {@code null}; read lazily so the library loads on first use. */
    abstract String failure();

    @Override
    public final Optional<String> unavailableReason() {
        return Optional.ofNullable(failure());
    }

    @Override
    public final boolean nativeCode() {
        return true;
    }

    /** Factory methods call this first: a missing library is a clear error, not a NullPointerException. */
    final void requireLoaded() {
        String failure = failure();
        if (failure != null) throw new IllegalStateException(failure);
    }
}
