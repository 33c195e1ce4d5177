package network.mask.webui.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WalletAddressTest {

    private static final String GOOD = "n1jw6mp7d5xqc7w6xm79lha27glmd0vdt3l9artf";

    private static String message(String input) {
        FieldErrors errors = new FieldErrors();
        assertNull(WalletAddress.validate("wallet", input, errors));
        return errors.get("wallet").orElseThrow();
    }

    @Test
    void acceptsRealAddressesAndNormalisesCaseAndSpaces() {
        FieldErrors errors = new FieldErrors();
        assertEquals(GOOD, WalletAddress.validate("wallet", "  " + GOOD.toUpperCase() + "\n", errors));
        assertEquals("n17srjznxl9dvzdkpwpw24gg668wc73val88a6m5ajg6ankwvz9wtst0cznr",
                WalletAddress.validate("wallet", "n17srjznxl9dvzdkpwpw24gg668wc73val88a6m5ajg6ankwvz9wtst0cznr", errors));
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void explainsEachKindOfMistake() {
        assertEquals("Enter your Nyx wallet address (it starts with n1).", message(" "));
        assertEquals("A Nyx wallet address starts with n1.", message("cosmos1jw6mp7d5xqc7w6xm79lha27glmd0vdt3l9artf"));
        assertEquals("The address has a typo: its checksum does not match. Copy it again from your wallet.",
                message(GOOD.replace("jw6m", "jw7m")));
        assertEquals("The character 'b' at position 5 cannot appear in a wallet address (1, b, i and o are never used after n1).",
                message("n1jwbmp7d5xqc7w6xm79lha27glmd0vdt3l9artf"));
        assertEquals("The address mixes upper- and lower-case letters; copy it again from your wallet.",
                message("n1JW6mp7d5xqc7w6xm79lha27glmd0vdt3l9artf"));
        assertEquals("The address contains a space or invisible character at position 8.", message("n1jw6mp 7d5xqc7w6xm79lha27glmd0vdt3l9artf"));
        assertEquals("This address is too short for a Nyx account: check that you copied all of it.",
                message(Bech32.encode("n", new byte[10])));
        assertEquals("This address is too long for a Nyx account: check that you copied all of it.",
                message(Bech32.encode("n", new byte[40])));
        assertEquals("This address is too short for a Nyx account: check that you copied all of it.", message("n1qqqq"));
    }
}
