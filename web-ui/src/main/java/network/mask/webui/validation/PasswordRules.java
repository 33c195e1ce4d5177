package network.mask.webui.validation;

/**
 * Rules for the admin password and for backup passphrases (NIST SP 800-63B style: a minimum
 * length and no composition rules).
 */
public final class PasswordRules {

    public static final int MIN = 10;
    public static final int MAX = 256;

    private PasswordRules() {
    }

    /**
     * Records a message under {@code field} or {@code confirmField}; returns the password if good.
     *
     * @param noun "password" or "passphrase", as the form calls it
     */
    public static String validateNew(String noun, String field, String password, String confirmField, String confirm,
                                     FieldErrors errors) {
        String p = password == null ? "" : password;
        int length = TextRules.codePoints(p);
        if (p.isEmpty()) {
            errors.add(field, "Choose a " + noun + ".");
        } else if (length < MIN) {
            errors.add(field, "Use at least " + MIN + " characters (this one has " + length + ").");
        } else if (length > MAX) {
            errors.add(field, "Use at most " + MAX + " characters.");
        } else if (TextRules.firstControl(p, false) >= 0) {
            errors.add(field, "The " + noun + " cannot contain control characters.");
        } else if (p.isBlank()) {
            errors.add(field, "The " + noun + " cannot be only spaces.");
        } else if (!p.equals(confirm)) {
            errors.add(confirmField, "The two " + noun + "s do not match.");
        }
        return errors.isEmpty() ? p : null;
    }
}
