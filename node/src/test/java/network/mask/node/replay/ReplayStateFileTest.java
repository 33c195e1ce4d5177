package network.mask.node.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayStateFileTest {

    @TempDir Path dir;

    @Test
    void savedFiltersReloadWithEveryTag() throws Exception {
        SplittableRandom r = new SplittableRandom(4);
        Path file = dir.resolve("replay-7.bloom");
        List<byte[]> tags = new ArrayList<>();
        try (BloomFilter f = new BloomFilter(BloomSizing.of(50_000, 1e-6))) {
            for (int i = 0; i < 5000; i++) {
                byte[] t = new byte[32];
                r.nextBytes(t);
                tags.add(t);
                f.add(t);
            }
            ReplayStateFile.save(file, 7, f, 123);
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        ReplayStateFile.Loaded loaded = ReplayStateFile.load(file);
        try (BloomFilter back = loaded.filter()) {
            assertEquals(7, loaded.rotationId());
            assertEquals(5000, back.insertions());
            for (byte[] t : tags) assertTrue(!back.add(t));
        }
    }

    @Test
    void damagedOrForeignFilesAreRejected() throws Exception {
        Path file = dir.resolve("replay-1.bloom");
        try (BloomFilter f = new BloomFilter(BloomSizing.of(10_000, 1e-6))) {
            f.add(new byte[32]);
            ReplayStateFile.save(file, 1, f, 0);
        }
        byte[] good = Files.readAllBytes(file);

        byte[] flipped = good.clone();
        flipped[ReplayStateFile.HEADER_LENGTH + 100] ^= 1;
        Files.write(file, flipped);
        assertTrue(assertThrows(ReplayStateException.class, () -> ReplayStateFile.load(file)).getMessage().contains("checksum"));

        Files.write(file, Arrays.copyOf(good, good.length - 10));
        assertThrows(ReplayStateException.class, () -> ReplayStateFile.load(file));

        byte[] foreign = good.clone();
        foreign[0] = 'X';
        Files.write(file, foreign);
        assertThrows(ReplayStateException.class, () -> ReplayStateFile.load(file));

        Files.write(file, new byte[3]);
        assertThrows(ReplayStateException.class, () -> ReplayStateFile.load(file));
    }
}
