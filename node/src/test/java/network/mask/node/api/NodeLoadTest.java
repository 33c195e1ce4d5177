package network.mask.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The load tiers, and how machine, network and total are derived from what the node measures. */
class NodeLoadTest {

    static final double UNKNOWN = Double.NaN;

    @Test
    void tiersUseNymNodesBounds() {
        assertEquals(LoadLevel.NEGLIGIBLE, LoadLevel.of(0));
        assertEquals(LoadLevel.NEGLIGIBLE, LoadLevel.of(0.1));
        assertEquals(LoadLevel.LOW, LoadLevel.of(0.1000001));
        assertEquals(LoadLevel.LOW, LoadLevel.of(0.3));
        assertEquals(LoadLevel.MEDIUM, LoadLevel.of(0.6));
        assertEquals(LoadLevel.HIGH, LoadLevel.of(0.8));
        assertEquals(LoadLevel.VERY_HIGH, LoadLevel.of(0.95));
        assertEquals(LoadLevel.AT_CAPACITY, LoadLevel.of(0.9500001));
        assertEquals(LoadLevel.AT_CAPACITY, LoadLevel.of(7));
        assertEquals(LoadLevel.UNKNOWN, LoadLevel.of(UNKNOWN));
        assertEquals("very_high", LoadLevel.VERY_HIGH.jsonName());
        assertEquals("at_capacity", LoadLevel.AT_CAPACITY.jsonName());
    }

    @Test
    void machineIsTheCpuRaisedOneTierWhenMemoryIsHigher() {
        assertEquals(LoadLevel.LOW, NodeLoad.derive(0.2, 0.05, 0, 100).machine(), "memory lower: the CPU's tier");
        assertEquals(LoadLevel.MEDIUM, NodeLoad.derive(0.2, 0.9, 0, 100).machine(), "memory higher: one tier up, not to memory's");
        assertEquals(LoadLevel.AT_CAPACITY, NodeLoad.derive(0.9, 1.0, 0, 100).machine(), "very high CPU, full memory");
        assertEquals(LoadLevel.HIGH, NodeLoad.derive(UNKNOWN, 0.7, 0, 100).machine(), "no CPU reading: memory alone");
        assertEquals(LoadLevel.UNKNOWN, NodeLoad.derive(UNKNOWN, UNKNOWN, 0, 100).machine());
    }

    @Test
    void networkIsPacketsPerSecondAgainstTheExpectedRate() {
        assertEquals(LoadLevel.NEGLIGIBLE, NodeLoad.derive(0, 0, 10, 100).network());
        assertEquals(LoadLevel.MEDIUM, NodeLoad.derive(0, 0, 50, 100).network());
        assertEquals(LoadLevel.AT_CAPACITY, NodeLoad.derive(0, 0, 250, 100).network());
        assertEquals(LoadLevel.UNKNOWN, NodeLoad.derive(0, 0, UNKNOWN, 100).network(), "not measured yet");
        assertEquals(LoadLevel.UNKNOWN, NodeLoad.derive(0, 0, 50, 0).network(), "no rate to compare with");
    }

    @Test
    void totalIsTheHigherKnownTier() {
        assertEquals(new NodeLoad(LoadLevel.HIGH, LoadLevel.LOW, LoadLevel.HIGH), NodeLoad.derive(0.2, 0, 70, 100));
        assertEquals(new NodeLoad(LoadLevel.VERY_HIGH, LoadLevel.VERY_HIGH, LoadLevel.NEGLIGIBLE), NodeLoad.derive(0.9, 0, 1, 100));
        assertEquals(new NodeLoad(LoadLevel.LOW, LoadLevel.LOW, LoadLevel.UNKNOWN), NodeLoad.derive(0.2, 0, UNKNOWN, 100));
        assertEquals(new NodeLoad(LoadLevel.MEDIUM, LoadLevel.UNKNOWN, LoadLevel.MEDIUM), NodeLoad.derive(UNKNOWN, UNKNOWN, 40, 100));
        assertEquals(new NodeLoad(LoadLevel.UNKNOWN, LoadLevel.UNKNOWN, LoadLevel.UNKNOWN),
                NodeLoad.derive(UNKNOWN, UNKNOWN, UNKNOWN, 100));
    }

    @Test
    void jsonHasNymsFieldsInOrder() {
        assertEquals("{\"total\":\"high\",\"machine\":\"low\",\"network\":\"high\"}", NodeLoad.derive(0.2, 0, 70, 100).json());
    }
}
