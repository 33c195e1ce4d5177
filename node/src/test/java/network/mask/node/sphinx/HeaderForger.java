package network.mask.node.sphinx;

import java.util.function.Consumer;
import network.mask.node.sphinx.crypto.SphinxCrypto;

/**
 * Rewrites the routing information a hop will see, with a valid MAC: what anyone holding the
 * hop's keys (here: the test, which knows the node key) can do. Lets tests reach the checks
 * behind the MAC: flags, address types, versions, delays.
 */
final class HeaderForger {

    private final SphinxCrypto crypto;

    HeaderForger(SphinxCrypto crypto) {
        this.crypto = crypto;
    }

    /** Decrypts the 300-byte routing info with the node's keys, lets {@code edit} change it, re-encrypts and re-MACs. */
    byte[] forge(byte[] packet, byte[] nodeKey, Consumer<byte[]> edit) {
        byte[] out = packet.clone();
        byte[] dh = new byte[32];
        crypto.newDh().scalarMult(nodeKey, 0, out, 0, dh, 0);
        byte[] okm = new byte[KeyDerivation.OKM_LENGTH];
        new KeyDerivation(crypto).expand(dh, okm);
        byte[] routing = java.util.Arrays.copyOfRange(out, 48, 348);
        crypto.newAesCtr().xor(okm, KeyDerivation.STREAM_KEY, routing, 0, 300);
        edit.accept(routing);
        crypto.newAesCtr().xor(okm, KeyDerivation.STREAM_KEY, routing, 0, 300);
        System.arraycopy(routing, 0, out, 48, 300);
        byte[] mac = new byte[32];
        crypto.newHmac().mac(okm, KeyDerivation.MAC_KEY, 16, out, 48, 300, mac, 0);
        System.arraycopy(mac, 0, out, 32, 16);
        return out;
    }
}
