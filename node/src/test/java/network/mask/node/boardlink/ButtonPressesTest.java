package network.mask.node.boardlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** D10: one short press lets exactly one claimer in, however many ask at once. */
class ButtonPressesTest {

    @Test
    void aPressIsTakenOnce() {
        ButtonPresses presses = new ButtonPresses();
        assertFalse(presses.takeRecentPress());
        presses.onShortPress();
        assertTrue(presses.takeRecentPress());
        assertFalse(presses.takeRecentPress(), "used up");
        presses.onShortPress();
        assertTrue(presses.takeRecentPress(), "a second press is a second claim");
    }

    @Test
    void concurrentClaimersShareOnePress() throws Exception {
        ButtonPresses presses = new ButtonPresses();
        presses.onShortPress();
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger winners = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (presses.takeRecentPress()) winners.incrementAndGet();
            }));
        }
        go.countDown();
        for (Thread t : threads) t.join();
        assertEquals(1, winners.get());
    }
}
