package network.mask.webui.claim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import network.mask.webui.spi.ClaimAuthority;

/**
 * The ready-made {@link ClaimAuthority}: a random one-time code (50 bits, no look-alike
 * characters) that only someone at the console or journal can read, plus the board's button.
 * A new code is made at each start while the box is unclaimed; it is spent by the first claim.
 */
public final class OneTimeClaimCode implements ClaimAuthority {

    private static final System.Logger LOG = System.getLogger(OneTimeClaimCode.class.getName());
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 10;

    private final BooleanSupplier takeButtonPress;
    private byte[] code;
    private final String display;

    private OneTimeClaimCode(String code, BooleanSupplier takeButtonPress) {
        this.code = code.getBytes(StandardCharsets.US_ASCII);
        this.display = code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2);
        this.takeButtonPress = takeButtonPress;
    }

    /**
     * @param takeButtonPress the board's "unused short press within the last minute or so", which the
     *                        call uses up; {@code () -> false} in dev mode or on boxes without a button
     */
    public static OneTimeClaimCode generate(BooleanSupplier takeButtonPress) {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new OneTimeClaimCode(sb.toString(), takeButtonPress);
    }

    /** The code as shown to the owner, e.g. {@code K7QX2-MZ9RT}. */
    public String display() {
        return display;
    }

    @Override
    public synchronized boolean acceptCode(String candidate) {
        if (code == null || candidate == null) {
            return false;
        }
        String normalised = candidate.replace("-", "").replace(" ", "").strip().toUpperCase(Locale.ROOT);
        boolean ok = MessageDigest.isEqual(code, normalised.getBytes(StandardCharsets.UTF_8));
        if (ok) {
            code = null;
        }
        return ok;
    }

    @Override
    public boolean takeButtonPress() {
        return takeButtonPress.getAsBoolean();
    }

    /** Logs the code: this is the one secret meant for the console, and it dies at the first claim. */
    @Override
    public synchronized void announce() {
        if (code != null) {
            LOG.log(System.Logger.Level.INFO, "Setup page one-time claim code: " + display);
        }
    }
}
