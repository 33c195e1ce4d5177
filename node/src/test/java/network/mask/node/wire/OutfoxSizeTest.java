package network.mask.node.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Outfox frame lengths as nym computes them (packet_sizes.rs with nym-outfox's constants). */
class OutfoxSizeTest {

    @Test
    void lengthsAreNymsAndTheRestOfTheHeaderIsStillChecked() throws FramingException {
        // overhead = MIX_PARAMS_LEN (4 hops + 2) + (32 + 16 + 32) * 4 + MAGIC_SLICE (3) = 329
        assertEquals(2377, OutfoxSize.REGULAR.packetLength());
        assertEquals(377, OutfoxSize.ACK.packetLength());
        assertEquals(3 + 2377, FrameCodec.outfoxFrameLength(new byte[] {7, 6, 2}, 0));
        assertEquals(4 + 377, FrameCodec.outfoxFrameLength(new byte[] {8, 7, 2, 1}, 0));
        assertEquals(-1, FrameCodec.outfoxFrameLength(new byte[] {7, 1, 0}, 0), "a Sphinx size tag is not Outfox");
        assertThrows(FramingException.class, () -> FrameCodec.outfoxFrameLength(new byte[] {7, 6, 1}, 0), "packet type 1");
        assertThrows(FramingException.class, () -> FrameCodec.outfoxFrameLength(new byte[] {8, 6, 2, 3}, 0), "rotation 3");
        assertThrows(FramingException.class, () -> FrameCodec.outfoxFrameLength(new byte[] {9, 6, 2, 0}, 0), "version 9");
    }
}
