package network.mask.node.sphinx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SphinxPayloadTest {

    @Test
    void encodeThenRecoverGivesTheMessageForEveryLength() {
        for (int length = 0; length <= 21; length++) {
            byte[] message = new byte[length];
            for (int i = 0; i < length; i++) message[i] = (byte) (i == length - 1 ? 1 : 0); // trailing 0x01 and zeros: the hard cases
            assertArrayEquals(message, SphinxPayload.recoverPlaintext(SphinxPayload.encode(message, 38)).orElseThrow());
        }
    }

    @Test
    void badPaddingGivesNothing() {
        byte[] payload = SphinxPayload.encode(new byte[] {5}, 38);
        payload[3] = 1; // non-zero prefix
        assertTrue(SphinxPayload.recoverPlaintext(payload).isEmpty());
        assertTrue(SphinxPayload.recoverPlaintext(new byte[38]).isEmpty(), "no 0x01 marker");
        byte[] wrongMarker = SphinxPayload.encode(new byte[] {5}, 38);
        wrongMarker[17] = 2;
        assertTrue(SphinxPayload.recoverPlaintext(wrongMarker).isEmpty());
        assertTrue(SphinxPayload.recoverPlaintext(new byte[16]).isEmpty());
        assertTrue(SphinxPayload.recoverPlaintext(null).isEmpty());
    }

    @Test
    void messagesThatDoNotFitAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SphinxPayload.encode(new byte[22], 38));
    }
}
