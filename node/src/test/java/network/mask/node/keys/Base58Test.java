package network.mask.node.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base58Test {

    @Test
    void matchesBitcoinVectors() {
        // Vectors from Bitcoin Core's src/test/data/base58_encode_decode.json.
        String[][] vectors = {
                {"", ""}, {"61", "2g"}, {"626262", "a3gV"}, {"636363", "aPEr"},
                {"73696d706c792061206c6f6e6720737472696e67", "2cFupjhnEsSn59qHXstmK2ffpLv2"},
                {"00eb15231dfceb60925886b67d065299925915aeb172c06647", "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L"},
                {"516b6fcd0f", "ABnLTmg"}, {"bf4f89001e670274dd", "3SEo3LWLoPntC"}, {"572e4794", "3EFU7m"},
                {"ecac89cad93923c02321", "EJDM8drfXA6uyA"}, {"10c8511e", "Rt5zm"}, {"00000000000000000000", "1111111111"},
        };
        for (String[] v : vectors) {
            byte[] raw = HexFormat.of().parseHex(v[0]);
            assertEquals(v[1], Base58.encode(raw), v[0]);
            assertArrayEquals(raw, Base58.decode(v[1]), v[1]);
        }
        assertEquals("2NEpo7TZRRrLZSi2U", Base58.encode("Hello World!".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void roundTripsKeys() {
        Random r = new Random(1);
        for (int i = 0; i < 200; i++) {
            byte[] key = new byte[32];
            r.nextBytes(key);
            if (i % 10 == 0) key[0] = 0;
            assertArrayEquals(key, Base58.decode(Base58.encode(key)));
        }
    }

    @Test
    void rejectsCharactersOutsideTheAlphabet() {
        assertThrows(IllegalArgumentException.class, () -> Base58.decode("0OIl"));
        assertThrows(IllegalArgumentException.class, () -> Base58.decode("abc é"));
    }
}
