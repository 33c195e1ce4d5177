/**
 * The primitives a hop composes, one small interface each ({@link network.mask.node.sphinx.crypto.X25519},
 * {@link network.mask.node.sphinx.crypto.HkdfSha256}, {@link network.mask.node.sphinx.crypto.AesCtr},
 * {@link network.mask.node.sphinx.crypto.HmacSha256}, {@link network.mask.node.sphinx.crypto.ChaCha20},
 * {@link network.mask.node.sphinx.crypto.Blake2bMac}), implemented by providers: BouncyCastle
 * ({@code bc}), the JDK ({@code jca}), and through FFM the system's libsodium ({@code sodium}) and
 * libcrypto ({@code openssl}). {@link network.mask.node.sphinx.crypto.CryptoSelector} verifies
 * every candidate ({@link network.mask.node.sphinx.crypto.KnownAnswers}), measures, and caches
 * the fastest per primitive; {@link network.mask.node.sphinx.crypto.SphinxCrypto} is the result.
 * Providers are shared; the primitive instances they make are not thread-safe.
 */
package network.mask.node.sphinx.crypto;
