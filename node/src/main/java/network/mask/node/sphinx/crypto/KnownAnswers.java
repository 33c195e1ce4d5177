package network.mask.node.sphinx.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import network.mask.node.sphinx.crypto.bc.BcProvider;

/**
 * Start-up self-test of one provider's primitive: published known answers, then a cross-check
 * against BouncyCastle on pseudo-random inputs of awkward lengths. A native library that loads
 * but computes something else (wrong soname, odd build) is thereby never used.
 */
public final class KnownAnswers {

    private static final HexFormat HEX = HexFormat.of();
    private static final Map<String, Optional<String>> RESULTS = new ConcurrentHashMap<>();

    private KnownAnswers() {}

    /** Empty when {@code provider}'s {@code primitive} passes; otherwise what went wrong. Memoized per process. */
    public static Optional<String> check(CryptoProvider provider, Primitive primitive) {
        return RESULTS.computeIfAbsent(provider.name() + "/" + primitive.key(), key -> run(provider, primitive));
    }

    private static Optional<String> run(CryptoProvider provider, Primitive primitive) {
        Optional<String> unavailable = provider.unavailableReason();
        if (unavailable.isPresent()) return unavailable;
        if (!provider.primitives().contains(primitive)) {
            return Optional.of(provider.name() + " does not implement " + primitive.key());
        }
        try {
            String failure = switch (primitive) {
                case X25519_DH, X25519_BLIND -> x25519(provider.x25519(), BcProvider.INSTANCE.x25519());
                case HKDF -> hkdf(provider);
                case AES_CTR -> aesCtr(provider.aesCtr(), BcProvider.INSTANCE.aesCtr());
                case HMAC -> hmac(provider.hmac(), BcProvider.INSTANCE.hmac());
                case CHACHA20 -> chacha20(provider.chacha20(), BcProvider.INSTANCE.chacha20());
                case BLAKE2B -> blake2b(provider.blake2b(), BcProvider.INSTANCE.blake2b());
                case AES_GCM -> aesGcm(provider);
            };
            return Optional.ofNullable(failure).map(f -> provider.name() + " " + primitive.key() + ": " + f);
        } catch (RuntimeException | LinkageError e) {
            return Optional.of(provider.name() + " " + primitive.key() + " threw " + e);
        }
    }

    private static String x25519(X25519 impl, X25519 reference) {
        byte[] out = new byte[32];
        // RFC 7748 section 5.2, first vector.
        byte[] k = HEX.parseHex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4");
        byte[] u = HEX.parseHex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c");
        if (!impl.scalarMult(k, 0, u, 0, out, 0)
                || !Arrays.equals(out, HEX.parseHex("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552"))) {
            return "RFC 7748 vector mismatch";
        }
        // Sphinx's clamped blinding step (vectors/primitives.json, x25519_and_blinding).
        byte[] blind = HEX.parseHex("c885249bb33f59df57c07ca557c31d8e4ef46f31ff12bd9aadb1f5468b4462fe");
        byte[] alpha0 = HEX.parseHex("7b790d8d1929cc96226ab86e84dec9b76a38f47a4305782a304d5904d416ca69");
        if (!impl.scalarMult(blind, 0, alpha0, 0, out, 0)
                || !Arrays.equals(out, HEX.parseHex("f0bc32b29967b20bd9f4bb76ba99b9713578b4bc924e721ec4ffa6ee99da3847"))) {
            return "blinding vector mismatch";
        }
        // Low-order points must be refused: zero, one, and the order-8 point of RFC 7748 / libsodium's list.
        for (String lowOrder : new String[] {
                "0000000000000000000000000000000000000000000000000000000000000000",
                "0100000000000000000000000000000000000000000000000000000000000000",
                "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
                "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"}) {
            if (impl.scalarMult(k, 0, HEX.parseHex(lowOrder), 0, out, 0)) return "accepted low-order point " + lowOrder;
        }
        // Against BouncyCastle: same scalar twice (cached key paths), new scalars, the top bit of u set,
        // and a non-canonical u (p + 9, which must act as 9).
        SplittableRandom random = new SplittableRandom(25519);
        byte[] expected = new byte[32];
        byte[] scalar = bytes(random, 32);
        for (int i = 0; i < 6; i++) {
            if (i >= 3) scalar = bytes(random, 32);
            byte[] point = new byte[34];
            reference.scalarMult(bytes(random, 32), 0, new byte[] {9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 0, point, 1);
            if (i % 2 == 1) point[32] |= (byte) 0x80;
            if (!sameX25519(impl, reference, scalar, point, 1, out, expected)) return "differs from BouncyCastle";
        }
        byte[] nonCanonical = HEX.parseHex("f6ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"); // p + 9
        if (!sameX25519(impl, reference, scalar, nonCanonical, 0, out, expected)) return "non-canonical u differs";
        return null;
    }

    private static boolean sameX25519(X25519 impl, X25519 reference, byte[] k, byte[] u, int uOff,
                                      byte[] out, byte[] expected) {
        boolean a = impl.scalarMult(k, 0, u, uOff, out, 0);
        boolean b = reference.scalarMult(k, 0, u, uOff, expected, 0);
        return a == b && Arrays.equals(out, expected);
    }

    private static String hkdf(CryptoProvider provider) {
        byte[] ikm = new byte[22];
        Arrays.fill(ikm, (byte) 0x0b);
        byte[] salt = new byte[13];
        for (int i = 0; i < salt.length; i++) salt[i] = (byte) i;
        byte[] info = new byte[10];
        for (int i = 0; i < info.length; i++) info[i] = (byte) (0xf0 + i);
        byte[] out = new byte[42];
        // RFC 5869 test cases 1 and 3 (the latter with the empty salt Sphinx uses).
        provider.hkdf(salt, info).derive(ikm, 0, ikm.length, out, 0, 42);
        if (!Arrays.equals(out, HEX.parseHex(
                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"))) {
            return "RFC 5869 case 1 mismatch";
        }
        provider.hkdf(new byte[0], new byte[0]).derive(ikm, 0, ikm.length, out, 0, 42);
        if (!Arrays.equals(out, HEX.parseHex(
                "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"))) {
            return "RFC 5869 case 3 mismatch";
        }
        SplittableRandom random = new SplittableRandom(5869);
        for (int length : new int[] {288, 192, 33}) {
            byte[] s = bytes(random, length % 50);
            byte[] i = bytes(random, 97);
            byte[] key = bytes(random, 40);
            byte[] mine = new byte[length + 3];
            byte[] theirs = new byte[length + 3];
            HkdfSha256 a = provider.hkdf(s, i);
            HkdfSha256 b = BcProvider.INSTANCE.hkdf(s, i);
            for (int round = 0; round < 2; round++) { // the second round reuses the instances
                a.derive(key, 5, 32, mine, 3, length);
                b.derive(key, 5, 32, theirs, 3, length);
                if (!Arrays.equals(mine, theirs)) return "differs from BouncyCastle at length " + length;
                key[7]++;
            }
        }
        return null;
    }

    private static String aesCtr(AesCtr impl, AesCtr reference) {
        byte[] key = new byte[16];
        for (int i = 0; i < 16; i++) key[i] = (byte) i;
        byte[] ks = new byte[360];
        impl.xor(key, 0, ks, 0, 360);
        // vectors/primitives.json aes128_ctr_zero_iv, as a digest.
        if (!sha256Matches(ks, "724be9dfd62148bce60ff0257bebcce5ef55ce867d8a8910f0d9e36897fc54ca")) {
            return "zero-IV keystream mismatch";
        }
        return streamMatches(impl::xor, reference::xor, 16, new SplittableRandom(128));
    }

    private static String hmac(HmacSha256 impl, HmacSha256 reference) {
        byte[] key = new byte[16];
        for (int i = 0; i < 16; i++) key[i] = (byte) i;
        byte[] data = "sphinx header mac test input".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] out = new byte[32];
        impl.mac(key, 0, 16, data, 0, data.length, out, 0);
        if (!Arrays.equals(out, HEX.parseHex("b1899291fa8fd4dd71d798c18074d9e3afdd5200a9b6009f4ac1e93936d0c643"))) {
            return "known answer mismatch";
        }
        SplittableRandom random = new SplittableRandom(2104);
        byte[] expected = new byte[33];
        byte[] mine = new byte[33];
        for (int len : new int[] {300, 0, 65, 1000}) {
            byte[] k = bytes(random, 20);
            byte[] d = bytes(random, len + 2);
            impl.mac(k, 2, 16, d, 1, len, mine, 1);
            reference.mac(k, 2, 16, d, 1, len, expected, 1);
            if (!Arrays.equals(mine, expected)) return "differs from BouncyCastle at length " + len;
        }
        return null;
    }

    private static String chacha20(ChaCha20 impl, ChaCha20 reference) {
        byte[] ks = new byte[64];
        impl.xor(new byte[32], 0, ks, 0, 64);
        // RFC 8439 appendix A.1, test vector 1 (zero key, zero nonce, counter 0).
        if (!Arrays.equals(ks, HEX.parseHex("76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7"
                + "da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586"))) {
            return "RFC 8439 vector mismatch";
        }
        byte[] key = new byte[32];
        for (int i = 0; i < 32; i++) key[i] = (byte) i;
        byte[] long1 = new byte[2033];
        impl.xor(key, 0, long1, 0, long1.length);
        if (!sha256Matches(long1, "89b59dfb96138c382531aa1a17df48270bd47e74430d955051b9d70293ac82ac")) {
            return "2033-byte keystream mismatch";
        }
        impl.xor(key, 0, long1, 0, long1.length); // same key and nonce again must be allowed, and undo it
        for (byte b : long1) {
            if (b != 0) return "second pass with the same key did not cancel the first";
        }
        return streamMatches(impl::xor, reference::xor, 32, new SplittableRandom(8439));
    }

    private static String blake2b(Blake2bMac impl, Blake2bMac reference) {
        byte[] key = new byte[64];
        for (int i = 0; i < 64; i++) key[i] = (byte) i;
        byte[] data = new byte[2033];
        for (int i = 0; i < data.length; i++) data[i] = (byte) (i % 251);
        byte[] out = new byte[32];
        impl.mac(key, 0, data, 0, data.length, out, 0);
        // Python hashlib.blake2b(data, key=key, digest_size=32).
        if (!Arrays.equals(out, HEX.parseHex("c76092e29ebb848953a530536f6fdce5f4b3e2da4c61e30cafa08a0c127f0345"))) {
            return "known answer mismatch";
        }
        SplittableRandom random = new SplittableRandom(7693);
        byte[] mine = new byte[34];
        byte[] expected = new byte[34];
        for (int len : new int[] {0, 1, 128, 129, 2033, 8177}) {
            byte[] k = bytes(random, 67);
            byte[] d = bytes(random, len + 5);
            impl.mac(k, 3, d, 5, len, mine, 2);
            reference.mac(k, 3, d, 5, len, expected, 2);
            if (!Arrays.equals(mine, expected)) return "differs from BouncyCastle at length " + len;
        }
        return null;
    }

    private static String aesGcm(CryptoProvider provider) {
        // The GCM specification's AES-256 test cases 13 and 14 (McGrew and Viega, "The Galois/Counter Mode
        // of Operation"): zero key, zero nonce; no plaintext, then one zero block. A fresh instance each,
        // since the JDK refuses to encrypt twice under one key and nonce.
        byte[] zeroKey = new byte[32];
        byte[] zeroNonce = new byte[12];
        byte[] out = new byte[32];
        byte[] none = new byte[0];
        if (provider.aesGcm().seal(zeroKey, zeroNonce, none, none, 0, 0, out, 0) != 16
                || !Arrays.equals(Arrays.copyOf(out, 16), HEX.parseHex("530f8afbc74536b9a963b4f1c4cb738b"))) {
            return "GCM test case 13 mismatch";
        }
        if (provider.aesGcm().seal(zeroKey, zeroNonce, none, new byte[16], 0, 16, out, 0) != 32
                || !Arrays.equals(out, HEX.parseHex("cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919"))) {
            return "GCM test case 14 mismatch";
        }
        AesGcm impl = provider.aesGcm();
        AesGcm reference = BcProvider.INSTANCE.aesGcm();
        SplittableRandom random = new SplittableRandom(5116);
        for (int len : new int[] {0, 1, 15, 16, 17, 2413, 65519}) {
            byte[] key = bytes(random, 32);
            byte[] nonce = bytes(random, 12);
            byte[] ad = bytes(random, len % 2 == 0 ? 32 : 0);
            byte[] plain = bytes(random, len + 3);
            byte[] mine = new byte[len + 21];
            byte[] expected = new byte[len + 21];
            if (impl.seal(key, nonce, ad, plain, 3, len, mine, 5) != len + 16) return "wrong sealed length at length " + len;
            reference.seal(key, nonce, ad, plain, 3, len, expected, 5);
            if (!Arrays.equals(mine, expected)) return "differs from BouncyCastle at length " + len;
            byte[] back = new byte[len + 2];
            if (impl.open(key, nonce, ad, mine, 5, len + 16, back, 2) != len
                    || !Arrays.equals(back, 2, len + 2, plain, 3, len + 3)) {
                return "does not open its own message at length " + len;
            }
            mine[5 + len / 2] ^= 1;   // one bit of ciphertext, or of the tag when there is none
            if (impl.open(key, nonce, ad, mine, 5, len + 16, back, 2) != -1) return "accepted a changed message at length " + len;
        }
        return null;
    }

    private interface Stream {
        void xor(byte[] key, int keyOff, byte[] data, int off, int len);
    }

    private static String streamMatches(Stream impl, Stream reference, int keyLength, SplittableRandom random) {
        for (int len : new int[] {1, 63, 64, 65, 360, 2033, 8177}) {
            byte[] key = bytes(random, keyLength + 3);
            byte[] data = bytes(random, len + 7);
            byte[] copy = data.clone();
            impl.xor(key, 3, data, 7, len);
            reference.xor(key, 3, copy, 7, len);
            if (!Arrays.equals(data, copy)) return "differs from BouncyCastle at length " + len;
        }
        return null;
    }

    private static byte[] bytes(SplittableRandom random, int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }

    private static boolean sha256Matches(byte[] data, String hex) {
        try {
            return Arrays.equals(MessageDigest.getInstance("SHA-256").digest(data), HEX.parseHex(hex));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
