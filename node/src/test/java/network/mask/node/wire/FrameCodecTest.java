package network.mask.node.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import network.mask.node.sphinx.PacketSize;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

    static FrameError error(byte... header) {
        return assertThrows(FramingException.class, () -> FrameCodec.decode(header, 0, 40_000)).error();
    }

    @Test
    void decodesV7AndV8Headers() throws Exception {
        FrameHeader v7 = FrameCodec.decode(new byte[] {7, 1, 0}, 0, 40_000);
        assertEquals(new FrameHeader(FramingVersion.V7, PacketSize.REGULAR, 0, KeyRotation.UNKNOWN), v7);
        assertEquals(3 + 2413, v7.frameLength());
        FrameHeader v8 = FrameCodec.decode(new byte[] {8, 4, 0, 2}, 0, 40_000);
        assertEquals(new FrameHeader(FramingVersion.V8, PacketSize.EXTENDED8, 0, KeyRotation.EVEN), v8);
        assertEquals(4 + 8557, v8.frameLength());
    }

    @Test
    void encodeIsTheInverseOfDecode() throws Exception {
        for (FramingVersion v : FramingVersion.values()) {
            for (PacketSize size : PacketSize.values()) {
                for (KeyRotation r : KeyRotation.values()) {
                    byte[] h = new byte[4];
                    int n = FrameCodec.encode(v, size, r, h, 0);
                    assertEquals(v.headerLength(), n);
                    FrameHeader back = FrameCodec.decode(h, 0, 40_000);
                    assertEquals(v, back.version());
                    assertEquals(size, back.size());
                    assertEquals(v == FramingVersion.V8 ? r : KeyRotation.UNKNOWN, back.rotation());
                }
            }
        }
    }

    @Test
    void rejectsWhatNymRejects() {
        assertEquals(FrameError.UNSUPPORTED_VERSION, error((byte) 6, (byte) 1, (byte) 0));
        assertEquals(FrameError.UNSUPPORTED_VERSION, error((byte) 9, (byte) 1, (byte) 0));
        assertEquals(FrameError.UNSUPPORTED_VERSION, error((byte) 1, (byte) 1, (byte) 0));   // old unversioned stream
        assertEquals(FrameError.UNKNOWN_SIZE_TAG, error((byte) 7, (byte) 0, (byte) 0));
        assertEquals(FrameError.UNKNOWN_SIZE_TAG, error((byte) 7, (byte) 6, (byte) 0));     // outfox sizes
        assertEquals(FrameError.UNKNOWN_PACKET_TYPE, error((byte) 7, (byte) 1, (byte) 1));
        assertEquals(FrameError.UNKNOWN_KEY_ROTATION, error((byte) 8, (byte) 1, (byte) 0, (byte) 3));
    }

    @Test
    void outfoxIsFramedButNotSphinx() throws Exception {
        FrameHeader h = FrameCodec.decode(new byte[] {7, 1, 2}, 0, 40_000);
        assertEquals(false, h.isSphinx());
    }

    @Test
    void enforcesTheFrameCap() {
        FramingException e = assertThrows(FramingException.class, () -> FrameCodec.decode(new byte[] {7, 3, 0}, 0, 8561));
        assertEquals(FrameError.FRAME_TOO_LARGE, e.error());
    }

    @Test
    void rotationIdsMapAsNymMapsThem() {
        assertEquals(KeyRotation.UNKNOWN, KeyRotation.ofRotationId(0));
        assertEquals(KeyRotation.UNKNOWN, KeyRotation.ofRotationId(0xFFFF_FFFFL));
        assertEquals(KeyRotation.ODD, KeyRotation.ofRotationId(1));
        assertEquals(KeyRotation.EVEN, KeyRotation.ofRotationId(2));
    }

    @Test
    void frameRefusesAPacketOfTheWrongLength() {
        assertThrows(IllegalArgumentException.class,
                () -> FrameCodec.frame(FramingVersion.V7, PacketSize.REGULAR, KeyRotation.UNKNOWN, new byte[386]));
        byte[] f = FrameCodec.frame(FramingVersion.V7, PacketSize.ACK, KeyRotation.UNKNOWN, new byte[386]);
        assertArrayEquals(new byte[] {7, 2, 0}, java.util.Arrays.copyOf(f, 3));
    }
}
