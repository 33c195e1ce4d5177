package network.mask.webui.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}),
 * computed with BouncyCastle. Parameters travel inside the string, so stronger settings later
 * still verify old hashes.
 */
public final class PasswordHasher {

    /** OWASP's minimum for Argon2id (19 MiB, 2 passes): about 0.1-0.3 s on a Pi 4. */
    public static final Cost DEFAULT_COST = new Cost(19 * 1024, 2, 1);

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,88})\\$([A-Za-z0-9+/]{22,88})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    /**
     * The most a hash stored on this box, or a backup's key, may ask for: 64 MiB, 10 passes, 4 lanes.
     * Anything more (a crafted backup, an edited file) is refused before a byte of it is allocated.
     */
    public static final Cost AFFORDABLE = new Cost(64 * 1024, 10, 4);
    // Argon2 memory in use at once, in KiB: a login burst or a restore next to logins cannot exhaust the heap.
    static final int MEMORY_BUDGET_KIB = AFFORDABLE.memoryKiB();
    private static final Semaphore MEMORY = new Semaphore(MEMORY_BUDGET_KIB, true);

    private final Cost cost;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher() {
        this(DEFAULT_COST);
    }

    public PasswordHasher(Cost cost) {
        if (!cost.affordable()) {
            throw new IllegalArgumentException("Argon2id cost above what the box can afford: " + cost);
        }
        this.cost = cost;
    }

    /** Argon2id work factors: memory in KiB, passes, lanes. */
    public record Cost(int memoryKiB, int iterations, int parallelism) {
        public Cost {
            if (memoryKiB < 8 * parallelism || memoryKiB > 1024 * 1024 || iterations < 1 || iterations > 100
                    || parallelism < 1 || parallelism > 16) {
                throw new IllegalArgumentException("Argon2id cost out of range: " + memoryKiB + "/" + iterations + "/" + parallelism);
            }
        }

        /** Whether this box can afford to compute it (see {@link #AFFORDABLE}). */
        public boolean affordable() {
            return memoryKiB <= AFFORDABLE.memoryKiB() && iterations <= AFFORDABLE.iterations()
                    && parallelism <= AFFORDABLE.parallelism();
        }
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] out = derive(password, salt, cost, 32);
        String encoded = "$argon2id$v=19$m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(out);
        Arrays.fill(out, (byte) 0);
        return encoded;
    }

    /**
     * Constant-time check; false (never an exception) for a malformed or foreign hash string, and for
     * one asking for more than {@link #AFFORDABLE} (nothing is allocated for it).
     */
    public boolean verify(String password, String encodedHash) {
        Optional<Parsed> parsed = parse(encodedHash);
        if (parsed.isEmpty() || !parsed.get().cost().affordable()) {
            return false;
        }
        Parsed p = parsed.get();
        byte[] actual = derive(password, p.salt(), p.cost(), p.hash().length);
        boolean same = MessageDigest.isEqual(actual, p.hash());
        Arrays.fill(actual, (byte) 0);
        return same;
    }

    /** Whether a stored string is a hash this class can read. */
    public static boolean isWellFormed(String encodedHash) {
        return parse(encodedHash).isPresent();
    }

    /** Whether a stored string is a hash this class can read and the box can afford to verify. */
    public static boolean isAffordable(String encodedHash) {
        return parse(encodedHash).map(p -> p.cost().affordable()).orElse(false);
    }

    /**
     * Argon2id over the NFKC-normalised UTF-8 password; shared with the backup key derivation.
     * Waits until the cost's memory fits in the shared budget.
     *
     * @throws IllegalArgumentException for a cost above {@link #AFFORDABLE} (callers check first)
     */
    public static byte[] derive(String password, byte[] salt, Cost cost, int length) {
        if (!cost.affordable()) {
            throw new IllegalArgumentException("Argon2id cost above what the box can afford: " + cost);
        }
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] pw = Normalizer.normalize(password, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[length];
        MEMORY.acquireUninterruptibly(cost.memoryKiB());
        try {
            generator.generateBytes(pw, out);
        } finally {
            MEMORY.release(cost.memoryKiB());
            Arrays.fill(pw, (byte) 0);
        }
        return out;
    }

    private record Parsed(Cost cost, byte[] salt, byte[] hash) {
    }

    private static Optional<Parsed> parse(String encoded) {
        if (encoded == null) {
            return Optional.empty();
        }
        Matcher m = PHC.matcher(encoded);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Cost cost = new Cost(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            return Optional.of(new Parsed(cost, B64D.decode(m.group(4)), B64D.decode(m.group(5))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
