package network.mask.node.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SemVerAndOfferTest {

    @Test
    void ordersVersionsAsSemverDoes() {
        List<String> ascending = List.of("0.1.0-SNAPSHOT", "0.1.0", "0.2.0-alpha", "0.2.0-alpha.1", "0.2.0-alpha.beta",
                "0.2.0-beta.2", "0.2.0-beta.11", "0.2.0", "0.10.0", "1.0.0");
        for (int i = 0; i + 1 < ascending.size(); i++) {
            assertTrue(SemVer.parse(ascending.get(i + 1)).isNewerThan(SemVer.parse(ascending.get(i))), ascending.get(i + 1));
        }
        assertTrue(SemVer.parse("0.1.0-SNAPSHOT").isSnapshot());
        for (String bad : new String[] {"1.0", "01.0.0", "1.0.0+build", "v1.0.0", "1.0.0-", ""}) {
            assertThrows(IllegalArgumentException.class, () -> SemVer.parse(bad), bad);
        }
    }

    private static Release release(String v, String min) {
        return new Release(SemVer.parse(v), "1.31.0", SemVer.parse(min), "", "masknode-" + v + ".zip", 10, "0".repeat(64), "", "");
    }

    @Test
    void offersTheNewestReleaseTheInstalledVersionMayReach() throws Exception {
        Feed feed = new Feed(1, "", List.of(release("0.2.0", "0.1.0"), release("0.3.0", "0.2.0"), release("0.1.5", "0.1.0")));
        assertEquals(Optional.of(SemVer.parse("0.2.0")), OfferPolicy.offer(feed, SemVer.parse("0.1.0")).map(Release::version));
        assertEquals(Optional.of(SemVer.parse("0.3.0")), OfferPolicy.offer(feed, SemVer.parse("0.2.0")).map(Release::version));
        assertEquals(Optional.empty(), OfferPolicy.offer(feed, SemVer.parse("0.3.0")));
        assertEquals(Optional.empty(), OfferPolicy.offer(feed, SemVer.parse("0.4.0")), "a newer box is never offered an older version");
    }

    @Test
    void namesTheSteppingStoneWhenTheBoxIsTooOld() {
        Feed feed = new Feed(1, "", List.of(release("0.3.0", "0.2.0")));
        UpdateException e = assertThrows(UpdateException.class, () -> OfferPolicy.offer(feed, SemVer.parse("0.1.0")));
        assertEquals(UpdateError.BELOW_MINIMUM, e.error());
        assertTrue(e.getMessage().contains("0.2.0"), e.getMessage());
    }

    @Test
    void anExplicitPickIsCheckedToo() throws Exception {
        Feed feed = new Feed(1, "", List.of(release("0.2.0", "0.1.0"), release("0.3.0", "0.2.0")));
        assertEquals(SemVer.parse("0.2.0"), OfferPolicy.requested(feed, SemVer.parse("0.1.0"), SemVer.parse("0.2.0")).version());
        assertEquals(UpdateError.DOWNGRADE,
                assertThrows(UpdateException.class, () -> OfferPolicy.requested(feed, SemVer.parse("0.3.0"), SemVer.parse("0.2.0"))).error());
        assertEquals(UpdateError.BELOW_MINIMUM,
                assertThrows(UpdateException.class, () -> OfferPolicy.requested(feed, SemVer.parse("0.1.0"), SemVer.parse("0.3.0"))).error());
        assertEquals(UpdateError.NOT_OFFERED,
                assertThrows(UpdateException.class, () -> OfferPolicy.requested(feed, SemVer.parse("0.1.0"), SemVer.parse("0.9.0"))).error());
    }
}
