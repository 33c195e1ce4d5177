package network.mask.webui.validation;

import java.util.Locale;

import network.mask.webui.validation.Bech32.Bech32Exception;

/** Nyx account addresses: bech32 (BIP-173) with prefix {@code n}, carrying a 20- or 32-byte account. */
public final class WalletAddress {

    private WalletAddress() {
    }

    /** Lower-case address if valid, else records a plain-words message under {@code field}. */
    public static String validate(String field, String raw, FieldErrors errors) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            errors.add(field, "Enter your Nyx wallet address (it starts with n1).");
            return null;
        }
        if (!s.toLowerCase(Locale.ROOT).startsWith("n1")) {
            errors.add(field, "A Nyx wallet address starts with n1.");
            return null;
        }
        try {
            Bech32.Decoded decoded = Bech32.decode(s);
            if (!decoded.hrp().equals("n")) {
                errors.add(field, "A Nyx wallet address starts with n1.");
                return null;
            }
            int length = decoded.bytes().length;
            if (length != 20 && length != 32) {
                errors.add(field, "This address is too " + (length < 20 ? "short" : "long")
                        + " for a Nyx account: check that you copied all of it.");
                return null;
            }
            return s.toLowerCase(Locale.ROOT);
        } catch (Bech32Exception e) {
            errors.add(field, message(s, e));
            return null;
        }
    }

    private static String message(String s, Bech32Exception e) {
        return switch (e.problem()) {
            case TOO_LONG -> "This address is too long for a Nyx account: check that you copied only the address.";
            case MIXED_CASE -> "The address mixes upper- and lower-case letters; copy it again from your wallet.";
            case BAD_CHARACTER -> {
                char c = s.charAt(e.position());
                yield Character.isWhitespace(c) || Character.isISOControl(c)
                        ? "The address contains a space or invisible character at position " + (e.position() + 1) + "."
                        : "The character '" + c + "' at position " + (e.position() + 1)
                                + " cannot appear in a wallet address (1, b, i and o are never used after n1).";
            }
            case NO_SEPARATOR, EMPTY_PREFIX -> "A Nyx wallet address starts with n1.";
            case DATA_TOO_SHORT -> "This address is too short for a Nyx account: check that you copied all of it.";
            case BAD_CHECKSUM -> "The address has a typo: its checksum does not match. Copy it again from your wallet.";
            case BAD_PADDING -> "This is not a valid Nyx account address: its last characters are wrong.";
        };
    }
}
