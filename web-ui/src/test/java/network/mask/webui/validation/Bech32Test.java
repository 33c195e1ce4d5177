package network.mask.webui.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;

import network.mask.webui.validation.Bech32.Bech32Exception;
import network.mask.webui.validation.Bech32.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** BIP-173's own test vectors, plus real Nyx addresses from the nym repository. */
class Bech32Test {

    @ParameterizedTest
    @ValueSource(strings = {
            "A12UEL5L",
            "a12uel5l",
            "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
            "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
            "11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j",
            "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
            "?1ezyfcl"})
    void bip173ValidStrings(String s) throws Bech32Exception {
        Bech32.decode(s);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx|TOO_LONG",
            "pzry9x0s0muk|NO_SEPARATOR",
            "1pzry9x0s0muk|EMPTY_PREFIX",
            "x1b4n0q5v|BAD_CHARACTER",
            "li1dgmt3|DATA_TOO_SHORT",
            "A1G7SGD8|BAD_CHECKSUM",
            "10a06t8|EMPTY_PREFIX",
            "1qzzfhee|EMPTY_PREFIX",
            "a12UEL5L|MIXED_CASE"})
    void bip173InvalidStrings(String s, Problem expected) {
        Bech32Exception e = assertThrows(Bech32Exception.class, () -> Bech32.decode(s));
        assertEquals(expected, e.problem());
    }

    @Test
    void controlAndOutOfRangeCharactersAreRejected() {
        // BIP-173: 0x20 (space), 0x7F (DEL) and 0x80 in the prefix are invalid.
        assertEquals(Problem.BAD_CHARACTER, assertThrows(Bech32Exception.class, () -> Bech32.decode(" 1nwldj5")).problem());
        assertEquals(Problem.BAD_CHARACTER, assertThrows(Bech32Exception.class, () -> Bech32.decode("\u007f1axkwrx")).problem());
        assertEquals(Problem.BAD_CHARACTER, assertThrows(Bech32Exception.class, () -> Bech32.decode("\u00801eym55h")).problem());
    }

    @ParameterizedTest
    @CsvSource({
            "n1jw6mp7d5xqc7w6xm79lha27glmd0vdt3l9artf,20",
            "n1h5hgn94nsq4kh99rjj794hr5h5q6yfm2lr52es,20",
            "n17srjznxl9dvzdkpwpw24gg668wc73val88a6m5ajg6ankwvz9wtst0cznr,32"})
    void realNyxAddressesDecodeToAccountBytes(String address, int length) throws Bech32Exception {
        Bech32.Decoded d = Bech32.decode(address);
        assertEquals("n", d.hrp());
        assertEquals(length, d.bytes().length);
        assertEquals(address, Bech32.encode("n", d.bytes()));
    }

    @Test
    void everySingleCharacterChangeIsCaught() {
        String good = "n1jw6mp7d5xqc7w6xm79lha27glmd0vdt3l9artf";
        String charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
        for (int i = 2; i < good.length(); i++) {
            for (char c : charset.toCharArray()) {
                if (c == good.charAt(i)) {
                    continue;
                }
                String typo = good.substring(0, i) + c + good.substring(i + 1);
                assertEquals(Problem.BAD_CHECKSUM, assertThrows(Bech32Exception.class, () -> Bech32.decode(typo)).problem(), typo);
            }
        }
    }

    @Test
    void encodeThenDecodeRoundTrips() throws Bech32Exception {
        byte[] bytes = HexFormat.of().parseHex("751e76e8199196d454941c45d1b3a323f1433bd6");
        String s = Bech32.encode("bc", bytes);
        // BIP-173's P2WPKH example without the witness version byte differs; the round trip is what matters here.
        assertArrayEquals(bytes, Bech32.decode(s).bytes());
    }

    @Test
    void nonZeroPaddingIsRejected() throws Bech32Exception {
        // 'l' (31) as the last data word leaves set padding bits after regrouping 5-bit words into bytes.
        Bech32.Decoded d = Bech32.decode(Bech32.encode("n", new byte[] {(byte) 0xff}));
        byte[] words = d.data().clone();
        words[words.length - 1] = 31;
        assertEquals(Problem.BAD_PADDING, assertThrows(Bech32Exception.class, () -> new Bech32.Decoded("n", words).bytes()).problem());
    }
}
