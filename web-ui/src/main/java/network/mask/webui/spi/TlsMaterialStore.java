package network.mask.webui.spi;

import java.io.IOException;
import java.util.Optional;

/**
 * Keeps the setup page's per-device TLS key and self-signed certificate across restarts.
 * The node writes both atomically, the key with mode 0600.
 */
public interface TlsMaterialStore {

    Optional<TlsMaterial> load() throws IOException;

    void store(TlsMaterial material) throws IOException;

    /** @param privateKeyPkcs8 DER PKCS#8 private key; {@code certificateDer} DER X.509 certificate */
    record TlsMaterial(byte[] privateKeyPkcs8, byte[] certificateDer) {
        public TlsMaterial {
            privateKeyPkcs8 = privateKeyPkcs8.clone();
            certificateDer = certificateDer.clone();
        }

        @Override
        public byte[] privateKeyPkcs8() {
            return privateKeyPkcs8.clone();
        }

        @Override
        public byte[] certificateDer() {
            return certificateDer.clone();
        }

        @Override
        public String toString() {
            return "TlsMaterial[key=***, certificate=" + certificateDer.length + " bytes]";
        }
    }
}
