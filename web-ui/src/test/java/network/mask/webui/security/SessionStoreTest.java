package network.mask.webui.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import network.mask.webui.MutableClock;
import org.junit.jupiter.api.Test;

class SessionStoreTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
    private final SessionStore store = new SessionStore(clock);
    private static final InetAddress LAN = address("192.168.1.20");

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void idsAndTokensAreRandomAndLong() {
        Session a = store.create(Session.Level.ANONYMOUS, LAN);
        Session b = store.create(Session.Level.ANONYMOUS, LAN);
        assertNotEquals(a.id(), b.id());
        assertNotEquals(a.id(), a.csrfToken());
        assertEquals(43, a.id().length(), "32 random bytes, base64url");
    }

    @Test
    void replacingKillsTheOldId() {
        Session anon = store.create(Session.Level.ANONYMOUS, LAN);
        Session owner = store.replace(Optional.of(anon), Session.Level.OWNER, LAN);
        assertTrue(store.find(anon.id()).isEmpty());
        assertEquals(Session.Level.OWNER, store.find(owner.id()).orElseThrow().level());
    }

    @Test
    void idleAndAbsoluteTimeouts() {
        Session owner = store.create(Session.Level.OWNER, LAN);
        Session presence = store.create(Session.Level.PRESENCE_PROVEN, LAN);
        clock.advance(Duration.ofMinutes(11));
        assertTrue(store.find(presence.id()).isEmpty(), "presence proof lasts 10 minutes");
        assertTrue(store.find(owner.id()).isPresent());
        for (int i = 0; i < 18; i++) {             // active every 8 hours for 6 days
            clock.advance(Duration.ofHours(8));
            assertTrue(store.find(owner.id()).isPresent(), "still valid after " + (i + 1) * 8 + " h");
        }
        clock.advance(Duration.ofHours(8));
        store.find(owner.id());
        clock.advance(Duration.ofHours(8));
        store.find(owner.id());
        clock.advance(Duration.ofHours(8));
        assertTrue(store.find(owner.id()).isEmpty(), "even an active session ends after 7 days");
        Session idle = store.create(Session.Level.OWNER, LAN);
        clock.advance(Duration.ofHours(12).plusSeconds(1));
        assertFalse(store.stillValid(idle));
    }

    @Test
    void csrfComparison() {
        Session s = store.create(Session.Level.ANONYMOUS, LAN);
        assertTrue(SessionStore.csrfMatches(s, s.csrfToken()));
        assertFalse(SessionStore.csrfMatches(s, null));
        assertFalse(SessionStore.csrfMatches(s, ""));
        assertFalse(SessionStore.csrfMatches(s, s.csrfToken() + "x"));
        assertFalse(SessionStore.csrfMatches(s, s.csrfToken().substring(1)));
    }

    @Test
    void aFloodFromOneClientOnlyEvictsItsOwnAnonymousSessions() {
        Session owner = store.create(Session.Level.OWNER, LAN);
        Session claimer = store.create(Session.Level.PRESENCE_PROVEN, address("192.168.1.21"));
        Session pendingLogin = store.create(Session.Level.ANONYMOUS, address("192.168.1.22"));
        InetAddress flooder = address("192.168.1.66");
        for (int i = 0; i < SessionStore.MAX_ANONYMOUS * 3; i++) {
            clock.advance(Duration.ofMillis(1));
            store.create(Session.Level.ANONYMOUS, flooder);
        }
        assertEquals(3 + SessionStore.MAX_ANONYMOUS_PER_CLIENT, store.size(), "the flooder keeps only its own few");
        assertTrue(store.find(owner.id()).isPresent());
        assertTrue(store.find(claimer.id()).isPresent());
        assertTrue(store.find(pendingLogin.id()).isPresent());
    }

    @Test
    void aFloodFromManyClientsFillsTheAnonymousPoolButNeverTouchesTrustedSessions() {
        Session owner = store.create(Session.Level.OWNER, LAN);
        Session claimer = store.create(Session.Level.PRESENCE_PROVEN, LAN);
        Session pendingLogin = store.create(Session.Level.ANONYMOUS, LAN);
        for (int i = 0; i < SessionStore.MAX_ANONYMOUS * 4; i++) {
            clock.advance(Duration.ofMillis(1));
            store.create(Session.Level.ANONYMOUS, address("10.0." + (i % 64) + ".1"));
        }
        assertEquals(2 + SessionStore.MAX_ANONYMOUS, store.size());
        assertTrue(store.find(owner.id()).isPresent());
        assertTrue(store.find(claimer.id()).isPresent());
        assertTrue(store.find(pendingLogin.id()).isPresent(), "the flooders, holding the most, lose theirs first");
    }

    @Test
    void flashIsShownOnce() {
        Session s = store.create(Session.Level.OWNER, LAN);
        s.flash("Saved.");
        assertEquals(Optional.of("Saved."), s.takeFlash());
        assertEquals(Optional.empty(), s.takeFlash());
    }
}
