package network.mask.node.sphinx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.EnumSet;
import java.util.Set;
import network.mask.node.sphinx.crypto.CryptoProvider;
import network.mask.node.sphinx.crypto.HmacSha256;
import network.mask.node.sphinx.crypto.Primitive;
import network.mask.node.sphinx.crypto.SphinxCrypto;
import org.junit.jupiter.api.Test;

/** Behaviour at the edges: what each check rejects, what stays untouched, what reaches the replay guard. */
class SphinxProcessorTest {

    private static final SphinxCrypto CRYPTO = SphinxCrypto.preferred();
    private final Random random = new Random(7);
    private final TestRoutes route = TestRoutes.random(CRYPTO, random, 3);
    private final SphinxProcessor processor = new SphinxProcessor(CRYPTO);
    private final HeaderForger forger = new HeaderForger(CRYPTO);
    private final byte[] message = "hello mixnet".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] packet(int version) {
        return new SphinxPacketBuilder(CRYPTO).build(version, PacketSize.REGULAR, route.route(), new byte[32], new byte[16], message);
    }

    private byte[] key(int hop) {
        return route.privateKeys().get(hop);
    }

    @Test
    void shortOrMissingPacketsAreWrongLength() {
        assertEquals(new HopResult.Rejected(RejectReason.WRONG_LENGTH), processor.process(null, key(0), ReplayGuard.NONE));
        assertEquals(new HopResult.Rejected(RejectReason.WRONG_LENGTH), processor.process(new byte[0], key(0), ReplayGuard.NONE));
        assertEquals(new HopResult.Rejected(RejectReason.WRONG_LENGTH),
                processor.process(new byte[SphinxConstants.MIN_PACKET_LENGTH - 1], key(0), ReplayGuard.NONE));
    }

    @Test
    void payloadTooShortForLionessIsMalformed() {
        // 17..32 payload bytes pass the length check upstream but cannot be Lioness blocks.
        byte[] packet = Arrays.copyOf(packet(259), SphinxConstants.HEADER_SIZE + 32);
        assertEquals(new HopResult.Rejected(RejectReason.MALFORMED), processor.process(packet, key(0), ReplayGuard.NONE));
    }

    @Test
    void badKeyLengthIsACallerBug() {
        assertThrows(IllegalArgumentException.class, () -> processor.process(packet(259), new byte[31], ReplayGuard.NONE));
    }

    @Test
    void badMacLeavesThePacketUntouchedForARetryWithTheOtherKey() {
        byte[] packet = packet(259);
        byte[] original = packet.clone();
        AtomicInteger guardCalls = new AtomicInteger();
        ReplayGuard counting = tag -> guardCalls.incrementAndGet() > 0;
        assertEquals(new HopResult.Rejected(RejectReason.BAD_MAC), processor.process(packet, key(1), counting));
        assertArrayEquals(original, packet);
        assertEquals(0, guardCalls.get(), "the replay guard only sees packets whose MAC verified");
        assertInstanceOf(HopResult.Forward.class, processor.process(packet, key(0), counting));
        assertEquals(1, guardCalls.get());
    }

    @Test
    void unknownFlagsAreRejectedAfterTheMac() {
        for (int flag : new int[] {0, 3, 0x81, 0xff}) {
            byte[] forged = forger.forge(packet(259), key(0), routing -> routing[0] = (byte) flag);
            byte[] copy = forged.clone();
            assertEquals(new HopResult.Rejected(RejectReason.UNKNOWN_FLAG), processor.process(forged, key(0), ReplayGuard.NONE));
            assertArrayEquals(copy, forged);
        }
    }

    @Test
    void unknownAddressTypeIsMalformed() {
        byte[] forged = forger.forge(packet(259), key(0), routing -> routing[4] = 5);
        assertEquals(new HopResult.Rejected(RejectReason.MALFORMED), processor.process(forged, key(0), ReplayGuard.NONE));
    }

    @Test
    void delaysBeyondLongMaxAreCapped() {
        byte[] forged = forger.forge(packet(259), key(0), routing -> Arrays.fill(routing, 36, 44, (byte) 0xff));
        assertEquals(Long.MAX_VALUE, assertInstanceOf(HopResult.Forward.class,
                processor.process(forged, key(0), ReplayGuard.NONE)).delayNanos());
    }

    /** Unknown versions use the seed-derived key like 259; 258 uses the raw HKDF slice (spec §6 step 6). */
    @Test
    void payloadKeyFollowsTheVersionInTheRoutingInfo() {
        byte[] packet = packet(259);
        byte[] as259 = ((HopResult.Forward) processor.process(packet.clone(), key(0), ReplayGuard.NONE)).packet();
        byte[] as260 = forgeVersion(packet, 260);
        byte[] as258 = forgeVersion(packet, 258);
        int payload = SphinxConstants.HEADER_SIZE;
        assertArrayEquals(Arrays.copyOfRange(as259, payload, as259.length), Arrays.copyOfRange(as260, payload, as260.length));
        assertFalse(Arrays.equals(Arrays.copyOfRange(as259, payload, as259.length), Arrays.copyOfRange(as258, payload, as258.length)));
    }

    private byte[] forgeVersion(byte[] packet, int version) {
        byte[] forged = forger.forge(packet, key(0), routing -> {
            routing[2] = (byte) (version >> 8);
            routing[3] = (byte) version;
        });
        return assertInstanceOf(HopResult.Forward.class, processor.process(forged, key(0), ReplayGuard.NONE)).packet();
    }

    @Test
    void replayedPacketsAreRejectedUntouched() {
        byte[] packet = packet(259);
        byte[] original = packet.clone();
        byte[][] seen = new byte[1][];
        assertEquals(new HopResult.Rejected(RejectReason.REPLAYED), processor.process(packet, key(0), tag -> {
            seen[0] = tag.clone();
            return false;
        }));
        assertArrayEquals(original, packet);
        assertEquals(SphinxConstants.REPLAY_TAG_SIZE, seen[0].length);
    }

    @Test
    void replayTagsDifferPerHopAndPacket() {
        byte[] packet = packet(259);
        byte[][] tags = new byte[3][];
        for (int hop = 0; hop < 3; hop++) {
            int h = hop;
            HopResult result = processor.process(packet, key(hop), tag -> {
                tags[h] = tag.clone();
                return true;
            });
            if (result instanceof HopResult.Forward f) packet = f.packet();
        }
        assertNotEquals(HexFormat.of().formatHex(tags[0]), HexFormat.of().formatHex(tags[1]));
        assertNotEquals(HexFormat.of().formatHex(tags[1]), HexFormat.of().formatHex(tags[2]));
    }

    @Test
    void lowOrderAlphasAreBadGroupElements() {
        for (String point : List.of("0000000000000000000000000000000000000000000000000000000000000000",
                "0100000000000000000000000000000000000000000000000000000000000000",
                "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
                "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
                "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
                "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")) {
            byte[] packet = packet(259);
            System.arraycopy(HexFormat.of().parseHex(point), 0, packet, 0, 32);
            assertEquals(new HopResult.Rejected(RejectReason.BAD_GROUP_ELEMENT),
                    processor.process(packet, key(0), ReplayGuard.NONE), point);
        }
    }

    @Test
    void randomBytesNeverThrow() {
        int[] lengths = {0, 1, 364, 365, 380, 381, 386, 1000, 2413, 8557};
        for (int n = 0; n < 400; n++) {
            byte[] garbage = new byte[lengths[n % lengths.length]];
            random.nextBytes(garbage);
            HopResult result = processor.process(garbage, key(0), tag -> {
                throw new AssertionError("garbage passed the MAC");
            });
            HopResult.Rejected rejected = assertInstanceOf(HopResult.Rejected.class, result);
            assertTrue(List.of(RejectReason.WRONG_LENGTH, RejectReason.MALFORMED, RejectReason.BAD_MAC,
                    RejectReason.BAD_GROUP_ELEMENT).contains(rejected.reason()));
        }
    }

    @Test
    void finalHopCarriesCopiesAndThePlaintext() {
        TestRoutes single = TestRoutes.random(CRYPTO, random, 1);
        byte[] destination = new byte[32];
        byte[] surb = new byte[16];
        random.nextBytes(destination);
        random.nextBytes(surb);
        byte[] packet = new SphinxPacketBuilder(CRYPTO).build(259, PacketSize.ACK, single.route(), destination, surb, message);
        HopResult.Final fin = assertInstanceOf(HopResult.Final.class,
                processor.process(packet, single.privateKeys().get(0), ReplayGuard.NONE));
        assertArrayEquals(destination, fin.destination());
        assertArrayEquals(surb, fin.surbId());
        assertEquals(PacketSize.ACK.payloadLength(), fin.payload().length);
        assertArrayEquals(message, fin.plaintext().orElseThrow());
    }

    @Test
    void builderRefusesWhatItCannotBuild() {
        SphinxPacketBuilder builder = new SphinxPacketBuilder(CRYPTO);
        List<RouteHop> hops = route.route();
        assertThrows(IllegalArgumentException.class, () -> builder.build(259, PacketSize.REGULAR, List.of(), new byte[32], new byte[16], message));
        List<RouteHop> six = new java.util.ArrayList<>(hops);
        six.addAll(hops);
        assertThrows(IllegalArgumentException.class, () -> builder.build(259, PacketSize.REGULAR, six, new byte[32], new byte[16], message));
        assertThrows(IllegalArgumentException.class, () -> builder.build(257, PacketSize.REGULAR, hops, new byte[32], new byte[16], message));
        assertThrows(IllegalArgumentException.class, () -> builder.build(259, PacketSize.REGULAR, hops, new byte[31], new byte[16], message));
        assertThrows(IllegalArgumentException.class, () -> builder.build(259, PacketSize.REGULAR, hops, new byte[32], new byte[15], message));
        assertThrows(IllegalArgumentException.class, () -> builder.build(259, PacketSize.ACK, hops, new byte[32], new byte[16], new byte[22]));
        List<RouteHop> lowOrder = List.of(new RouteHop(new byte[32], hops.get(0).address(), 0));
        assertThrows(IllegalArgumentException.class, () -> builder.build(259, PacketSize.ACK, lowOrder, new byte[32], new byte[16], message));
    }

    @Test
    void aBrokenBackendDropsThePacketInsteadOfThrowing() {
        CryptoProvider brokenHmac = new CryptoProvider() {
            @Override
            public String name() {
                return "broken-hmac";
            }

            @Override
            public Set<Primitive> primitives() {
                return EnumSet.of(Primitive.HMAC);
            }

            @Override
            public HmacSha256 hmac() {
                return (key, keyOff, keyLen, data, off, len, out, outOff) -> {
                    throw new IllegalStateException("native library went away");
                };
            }
        };
        SphinxProcessor broken = new SphinxProcessor(CRYPTO.with(Primitive.HMAC, brokenHmac));
        assertEquals(new HopResult.Rejected(RejectReason.MALFORMED), broken.process(packet(259), key(0), ReplayGuard.NONE));
    }

    @Test
    void aFailingReplayGuardIsTheCallersBugAndPropagates() {
        assertThrows(IllegalStateException.class, () -> processor.process(packet(259), key(0), tag -> {
            throw new IllegalStateException("bloom filter closed");
        }));
    }

    @Test
    void freshPacketsDifferEvenForTheSameInputs() {
        assertFalse(Arrays.equals(packet(259), packet(259)), "initial secret and padding come from the RNG");
    }
}
