package network.mask.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import network.mask.board.health.HealthParsers;
import network.mask.board.health.HealthReader;
import network.mask.board.platform.PiBoard;

/** Health parsed from fixtures of real sysfs/procfs/vcgencmd output (src/test/resources/fixtures). */
class HealthTest {
    @TempDir
    Path dir;

    private static ThrottleFlags flags(String fixture) {
        return HealthParsers.throttled(FixtureTree.text("get_throttled/" + fixture)).orElseThrow();
    }

    @Test
    void getThrottledDecodesTheSameFromSysfsAndVcgencmd() {
        for (String v : List.of("0", "50000", "50005", "80008")) {
            assertEquals(flags("sysfs-" + v), flags("vcgencmd-0x" + v), v);
            assertEquals(Integer.parseInt(v, 16), flags("sysfs-" + v).raw());
        }
        assertEquals(List.of(), flags("sysfs-0").describe());

        ThrottleFlags past = flags("sysfs-50000"); // under-voltage and throttling happened, not now
        assertFalse(past.underVoltageNow());
        assertFalse(past.throttledNow());
        assertTrue(past.underVoltageOccurred());
        assertTrue(past.throttledOccurred());
        assertFalse(past.frequencyCappedOccurred());

        ThrottleFlags now = flags("vcgencmd-0x50005");
        assertEquals(List.of("under-voltage now", "throttled now", "under-voltage has occurred since boot",
                "throttling has occurred since boot"), now.describe());

        ThrottleFlags warm = flags("sysfs-80008");
        assertTrue(warm.softTemperatureLimitNow());
        assertTrue(warm.softTemperatureLimitOccurred());
        assertFalse(warm.underVoltageNow());
        assertFalse(warm.frequencyCappedNow());
        assertEquals("0x80008", warm.toString());
    }

    @Test
    void malformedReadingsAreNotAvailableRatherThanGuessed() {
        assertEquals(Optional.empty(), HealthParsers.throttled("throttled=0xZZ"));
        assertEquals(Optional.empty(), HealthParsers.throttled(""));
        assertEquals(Optional.empty(), HealthParsers.throttled("throttled=0x123456789"));
        assertEquals(OptionalDouble.of(48.686), HealthParsers.milliCelsius(FixtureTree.text("pi4/sys/class/thermal/thermal_zone0/temp")));
        assertEquals(OptionalDouble.empty(), HealthParsers.milliCelsius("N/A"));
        assertEquals(OptionalDouble.empty(), HealthParsers.milliCelsius("-300000"));
        HealthParsers.MemInfo partial = HealthParsers.memInfo("MemTotal:  1000 kB\nMemFree: 10 kB\n");
        assertEquals(OptionalLong.of(1_024_000), partial.totalBytes());
        assertEquals(OptionalLong.empty(), partial.availableBytes());
        assertEquals(OptionalLong.empty(), HealthParsers.memInfo("MemTotal: lots kB\n").totalBytes());
    }

    @Test
    void aPi4ReadsEverything() {
        Path root = FixtureTree.copy("pi4", dir.resolve("root"));
        HealthSnapshot h = new HealthReader(root, dir, List.of()).read();
        assertEquals(OptionalDouble.of(48.686), h.cpuTemperatureCelsius());
        assertEquals(Optional.of(new ThrottleFlags(0)), h.throttling());
        assertEquals(OptionalLong.of(3_882_780L * 1024), h.memoryTotalBytes());
        assertEquals(OptionalLong.of(3_373_336L * 1024), h.memoryAvailableBytes());
        assertTrue(h.diskTotalBytes().orElseThrow() > 0);
        assertTrue(h.diskFreeBytes().orElseThrow() <= h.diskTotalBytes().orElseThrow());
    }

    @Test
    void aPcWithoutCpuZoneOrFirmwareSaysNotAvailable() {
        Path root = FixtureTree.copy("pc-amd", dir.resolve("root"));
        HealthReader reader = HealthReader.forRoot(root, dir.resolve("no-such-data-dir"));
        HealthSnapshot h = reader.read();
        assertEquals(OptionalDouble.empty(), h.cpuTemperatureCelsius(), "acpitz is not the CPU");
        assertEquals(Optional.empty(), h.throttling());
        assertEquals(OptionalLong.of(32_778_552L * 1024), h.memoryTotalBytes());
        assertEquals(OptionalLong.empty(), h.diskFreeBytes());
        assertEquals(0, reader.malformedReadings());

        HealthSnapshot nothing = HealthReader.forRoot(dir.resolve("empty"), dir.resolve("missing")).read();
        assertEquals(HealthSnapshot.unavailable(), nothing);
    }

    @Test
    void vcgencmdIsUsedWhenTheSysfsFileIsAbsent() {
        Path sample = FixtureTree.resource("get_throttled/vcgencmd-0x50005");
        // A real process whose stdout is vcgencmd's recorded output.
        HealthReader reader = new HealthReader(dir, dir, List.of("cat", sample.toString()));
        assertEquals(Optional.of(new ThrottleFlags(0x50005)), reader.read().throttling());

        HealthReader failing = new HealthReader(dir, dir, List.of("false"));
        assertEquals(Optional.empty(), failing.read().throttling());
        assertEquals(Optional.empty(), failing.read().throttling());
    }

    @Test
    void aGarbledSysfsValueIsCountedAndLeftOut() throws IOException {
        Path root = FixtureTree.copy("pi4", dir.resolve("root"));
        Files.writeString(root.resolve("sys/devices/platform/soc/soc:firmware/get_throttled"), "oops\n");
        Files.writeString(root.resolve("sys/class/thermal/thermal_zone0/temp"), "\n");
        HealthReader reader = new HealthReader(root, dir, List.of());
        HealthSnapshot h = reader.read();
        assertEquals(Optional.empty(), h.throttling());
        assertEquals(OptionalDouble.empty(), h.cpuTemperatureCelsius());
        assertEquals(2, reader.malformedReadings());
        assertTrue(h.memoryTotalBytes().isPresent(), "the rest still reads");
    }

    @Test
    void underVoltageAndHeatMakeTheBoxShowDegradedUntilTheyClear() throws IOException {
        Path root = FixtureTree.copy("pi4", dir.resolve("root"));
        Path throttled = root.resolve("sys/devices/platform/soc/soc:firmware/get_throttled");
        Path temp = root.resolve("sys/class/thermal/thermal_zone0/temp");
        Files.writeString(throttled, FixtureTree.text("get_throttled/sysfs-50005"));
        Files.writeString(temp, "81234\n");
        VirtualTime time = new VirtualTime();
        try (PiBoard board = PiBoard.open(BoardConfig.defaults(dir).withRoot(root).withOnboardLeds(false),
                Optional.empty(), time, time)) {
            board.setBooting(false);
            board.setDegraded("no-peers", true);
            time.advance(10);
            assertEquals(NodeState.DEGRADED, board.state());
            assertEquals(Set.of("cpu-hot", "no-peers", "throttled", "under-voltage"), board.degradedReasons());
            assertEquals(OptionalDouble.of(81.234), board.health().cpuTemperatureCelsius());

            Files.writeString(throttled, FixtureTree.text("get_throttled/sysfs-50000")); // recovered; history stays
            Files.writeString(temp, "55012\n");
            board.setDegraded("no-peers", false);
            time.advance(9_980);
            assertEquals(NodeState.DEGRADED, board.state(), "health is read every 10 s");
            time.advance(20);
            assertEquals(Set.of(), board.degradedReasons());
            assertEquals(NodeState.RUNNING, board.state());
            assertTrue(board.health().throttling().orElseThrow().underVoltageOccurred(), "history still on the dashboard");
        }
    }
}
