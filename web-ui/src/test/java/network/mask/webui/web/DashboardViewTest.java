package network.mask.webui.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import network.mask.webui.spi.DashboardSnapshot;
import org.junit.jupiter.api.Test;

class DashboardViewTest {

    private static DashboardSnapshot snapshot(DashboardSnapshot.LedState led, List<String> log) {
        return new DashboardSnapshot(12.345, Double.NaN, -3, 7, 4, Duration.ofSeconds(3 * 86_400 + 4 * 3600 + 5),
                "1.2.3", OptionalDouble.empty(), Optional.of(new DashboardSnapshot.Usage(512L << 20, 2L << 30)),
                Optional.of(new DashboardSnapshot.Usage(0, 0)), led, log);
    }

    @Test
    void formatsFiguresForPeople() {
        DashboardView v = DashboardView.of(snapshot(new DashboardSnapshot.LedState("#00FF00", true, true, "ok"), List.of()));
        assertEquals("12.3/s", v.in());
        assertEquals("0.0/s", v.out(), "NaN shows as zero");
        assertEquals("0.0/s", v.dropped(), "negative shows as zero");
        assertEquals("3 d 4 h", v.uptime());
        assertEquals("not available", v.cpuTemperature());
        assertEquals("512 MB of 2.0 GB (25 %)", v.memory());
        assertEquals("not available", v.disk());
        assertEquals("#00ff00", v.ledColour());
        assertTrue(v.ledBlinking());
        assertEquals("45 s", DashboardView.uptime(Duration.ofSeconds(45)));
        assertEquals("2 h 3 min", DashboardView.uptime(Duration.ofMinutes(123)));
    }

    @Test
    void ledColourIsNeverPassedThroughUnchecked() {
        DashboardView odd = DashboardView.of(snapshot(new DashboardSnapshot.LedState("red\" onload=\"x", true, false, "?"), List.of()));
        assertEquals("#808080", odd.ledColour());
        DashboardView off = DashboardView.of(snapshot(new DashboardSnapshot.LedState("#00ff00", false, true, "off"), List.of()));
        assertEquals("#3a3a3a", off.ledColour());
        assertEquals(false, off.ledBlinking());
    }

    @Test
    void theLogIsNewestFirst() {
        DashboardView v = DashboardView.of(snapshot(new DashboardSnapshot.LedState("#112233", true, false, "ok"),
                List.of("first", "second", "third")));
        assertEquals(List.of("third", "second", "first"), v.log());
    }

    @Test
    void jsonCarriesEverythingAndTheLogIsBounded() {
        List<String> log = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            log.add("line " + i + (i == 149 ? "x".repeat(600) : ""));
        }
        JsonObject o = Json.createReader(new java.io.StringReader(
                DashboardView.of(snapshot(new DashboardSnapshot.LedState("#112233", true, false, "ok"), log)).json())).readObject();
        assertEquals(12.345, o.getJsonNumber("inRate").doubleValue(), 1e-9);
        assertEquals("7", o.getString("queue"));
        assertEquals("4", o.getString("peers"));
        assertEquals("1.2.3", o.getString("version"));
        assertEquals(100, o.getJsonArray("log").size());
        assertEquals(501, o.getJsonArray("log").getString(0).length(), "the newest line first, cut at 500 characters");
        assertTrue(o.getJsonArray("log").getString(0).startsWith("line 149x"));
        assertEquals("line 148", o.getJsonArray("log").getString(1));
        assertEquals("line 50", o.getJsonArray("log").getString(99), "the oldest kept line last");
    }
}
