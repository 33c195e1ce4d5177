package network.mask.node.sphinx.crypto;

import java.util.Locale;

/**
 * The building blocks a hop needs, each chosen separately. X25519 has two roles because their
 * best implementations differ: the node-key DH always uses the same scalar (OpenSSL can keep it
 * prepared), blinding uses a new scalar every time.
 */
public enum Primitive {
    X25519_DH("x25519-dh"),
    X25519_BLIND("x25519-blind"),
    HKDF("hkdf"),
    AES_CTR("aes-ctr"),
    HMAC("hmac"),
    CHACHA20("chacha20"),
    BLAKE2B("blake2b"),
    /** Not in a hop: the cipher of Noise links between nodes, chosen here so that it is measured and checked alike. */
    AES_GCM("aes-gcm");

    private final String key;

    Primitive(String key) {
        this.key = key;
    }

    /** The name used in configuration, the cache file and reports. */
    public String key() {
        return key;
    }

    /** The primitive with this configuration key, or {@code null}. */
    public static Primitive fromKey(String key) {
        String wanted = key.trim().toLowerCase(Locale.ROOT);
        for (Primitive p : values()) {
            if (p.key.equals(wanted)) return p;
        }
        return null;
    }
}
