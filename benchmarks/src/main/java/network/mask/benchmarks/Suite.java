package network.mask.benchmarks;

import java.util.Map;
import network.mask.node.sphinx.crypto.CryptoSelector;
import network.mask.node.sphinx.crypto.SphinxCrypto;
import network.mask.node.sphinx.crypto.Suites;

/** The backend mixes the hop benchmark compares; names are the JMH {@code suite} parameter values. */
public enum Suite {
    ALL_BC, PURE_JAVA, NATIVE, SELECTED;

    SphinxCrypto crypto() {
        return switch (this) {
            case ALL_BC -> SphinxCrypto.portable();
            case PURE_JAVA -> Suites.pureJava();
            case NATIVE -> SphinxCrypto.preferred();
            case SELECTED -> CryptoSelector.select(null, Map.of()).crypto();
        };
    }
}
