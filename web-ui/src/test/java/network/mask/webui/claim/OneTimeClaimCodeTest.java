package network.mask.webui.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import network.mask.webui.LogCapture;
import org.junit.jupiter.api.Test;

class OneTimeClaimCodeTest {

    @Test
    void codeLooksRightAndDiffersEachTime() {
        String a = OneTimeClaimCode.generate(() -> false).display();
        String b = OneTimeClaimCode.generate(() -> false).display();
        assertTrue(a.matches("[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}"), a);
        assertNotEquals(a, b);
    }

    @Test
    void acceptsTheCodeOnceInAnyReasonableSpelling() {
        OneTimeClaimCode c = OneTimeClaimCode.generate(() -> false);
        String raw = c.display();
        assertFalse(c.acceptCode(""));
        assertFalse(c.acceptCode(null));
        assertFalse(c.acceptCode(raw.substring(0, 10)));
        assertTrue(c.acceptCode("  " + raw.toLowerCase().replace("-", " ") + " "));
        assertFalse(c.acceptCode(raw), "spent after the first success");
    }

    @Test
    void theBoardIsAskedForAnUnusedPressEachTime() {
        AtomicBoolean pressed = new AtomicBoolean();
        OneTimeClaimCode c = OneTimeClaimCode.generate(() -> pressed.getAndSet(false));
        assertFalse(c.takeButtonPress());
        pressed.set(true);
        assertTrue(c.takeButtonPress());
        assertFalse(c.takeButtonPress(), "one press lets one claimer in");
    }

    @Test
    void announceLogsTheCodeUntilItIsSpent() {
        OneTimeClaimCode c = OneTimeClaimCode.generate(() -> false);
        try (LogCapture log = new LogCapture(OneTimeClaimCode.class)) {
            c.announce();
            assertEquals(List.of("Setup page one-time claim code: " + c.display()), log.messages());
            c.acceptCode(c.display());
            c.announce();
            assertEquals(1, log.messages().size());
        }
    }
}
