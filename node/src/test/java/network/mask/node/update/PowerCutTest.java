package network.mask.node.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The power is cut at every step of an install (and of a rollback): right after the cut,
 * {@code current} names a complete version; after the reboot the box runs a complete version, the
 * trial is decided, and the next scheduled run ends on the new version (or, for a broken one, on
 * the old).
 */
class PowerCutTest {

    @TempDir
    Path tmp;

    /** Thrown from a step: the run stops dead, as it would without power. */
    static final class PowerCut extends Error {
        PowerCut(String where) {
            super("power cut after " + where);
        }
    }

    /** Cuts at the n-th step reached (counting every step of the run). */
    private static StepListener cutAt(int n, List<String> seen) {
        int[] count = {0};
        return step -> {
            seen.add(step.name());
            if (++count[0] == n) throw new PowerCut(step.name());
        };
    }

    private static List<String> stepsOfACleanRun(SimulatedSystemd.Behaviour behaviour, Path dir) throws Exception {
        try (TestBox box = new TestBox(dir, "0.1.0")) {
            box.systemd.boot();
            box.releases.publish("0.2.0", "0.1.0");
            box.systemd.behave("0.2.0", behaviour);
            List<String> seen = new ArrayList<>();
            box.updater(step -> seen.add(step.name())).run();
            return seen;
        }
    }

    @Test
    void everyStepOfAGoodInstall() throws Exception {
        cutEverywhere(SimulatedSystemd.Behaviour.HEALTHY, "0.2.0");
    }

    @Test
    void everyStepOfARollback() throws Exception {
        cutEverywhere(SimulatedSystemd.Behaviour.CRASHES_AFTER_READY, "0.1.0");
    }

    private void cutEverywhere(SimulatedSystemd.Behaviour behaviour, String endsOn) throws Exception {
        List<String> clean = stepsOfACleanRun(behaviour, Files.createDirectories(tmp.resolve("clean")));
        Set<String> cutAfter = new java.util.TreeSet<>();
        for (int n = 1; n <= clean.size(); n++) {
            // A repeated step (the gate's polls, one per 2 s) is cut at its first and last time only.
            int i = n - 1;
            boolean first = i == 0 || !clean.get(i - 1).equals(clean.get(i));
            boolean last = i == clean.size() - 1 || !clean.get(i + 1).equals(clean.get(i));
            if (!first && !last) continue;
            try (TestBox box = new TestBox(Files.createDirectories(tmp.resolve("cut-" + n)), "0.1.0")) {
                box.systemd.boot();
                box.releases.publish("0.2.0", "0.1.0");
                box.systemd.behave("0.2.0", behaviour);
                List<String> seen = new ArrayList<>();
                int at = n;
                PowerCut cut = assertThrows(PowerCut.class, () -> box.updater(cutAt(at, seen)).run(), "step " + n);
                cutAfter.add(seen.getLast());

                Path current = box.layout.target(box.layout.current()).orElseThrow();
                assertTrue(InstallLayout.isComplete(current), cut.getMessage() + ": current names a complete version");

                UpdateState afterBoot = box.reboot();
                assertNull(afterBoot.gate, cut.getMessage() + ": the trial is decided at boot");
                assertTrue(InstallLayout.isComplete(box.layout.target(box.layout.current()).orElseThrow()), cut.getMessage());
                assertEquals(box.layout.target(box.layout.good()), box.layout.target(box.layout.current()),
                        cut.getMessage() + ": the box runs its good version");
                try (var versions = Files.list(box.layout.versions())) {
                    assertTrue(versions.noneMatch(p -> p.getFileName().toString().startsWith(".")), cut.getMessage() + ": no leftovers");
                }

                box.clock.advance(Duration.ofHours(7));
                UpdateState later = box.run();
                assertEquals(endsOn, later.installed, cut.getMessage() + ": the next scheduled run ends on " + endsOn);
            }
        }
        assertTrue(cutAfter.containsAll(Set.of("CLEANED", "FEED_VERIFIED", "DOWNLOADED", "UNPACKED_FILE", "UNPACKED",
                "RENAMED_INTO_PLACE", "GATE_RECORDED", "SWITCHED", "RESTARTED", "GATE_DECIDED", "STATE_WRITTEN")), cutAfter.toString());
    }
}
