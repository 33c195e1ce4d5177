package network.mask.webui.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(new PasswordHasher.Cost(256, 1, 1));

    /**
     * Known answers from the reference implementation (Debian's {@code argon2} CLI), e.g.
     * {@code echo -n "correct horse battery" | argon2 saltsaltsalt1234 -id -t 2 -k 256 -p 1 -l 32 -e}.
     */
    @Test
    void verifiesHashesMadeByTheReferenceImplementation() {
        assertTrue(hasher.verify("correct horse battery",
                "$argon2id$v=19$m=256,t=2,p=1$c2FsdHNhbHRzYWx0MTIzNA$3w4EITfjapHvHcU1mC0j9bpkzFQtBWiqmUijkrRBusQ"));
        assertTrue(hasher.verify("pässwörd",
                "$argon2id$v=19$m=64,t=1,p=2$WkdsbVptVnlaVzUwYzJGc2RB$0oQTilcqK6MkXaoCp7si/bUzJ4rFJAKLM4jZkR/G/zw"));
        assertFalse(hasher.verify("correct horse batterz",
                "$argon2id$v=19$m=256,t=2,p=1$c2FsdHNhbHRzYWx0MTIzNA$3w4EITfjapHvHcU1mC0j9bpkzFQtBWiqmUijkrRBusQ"));
    }

    @Test
    void unicodeFormsOfTheSamePasswordMatch() {
        String composed = "pässwörd";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertNotEquals(composed, decomposed);
        assertTrue(hasher.verify(decomposed,
                "$argon2id$v=19$m=64,t=1,p=2$WkdsbVptVnlaVzUwYzJGc2RB$0oQTilcqK6MkXaoCp7si/bUzJ4rFJAKLM4jZkR/G/zw"));
    }

    @Test
    void hashesAreSaltedAndVerify() {
        String a = hasher.hash("a long enough password");
        String b = hasher.hash("a long enough password");
        assertNotEquals(a, b);
        assertTrue(a.startsWith("$argon2id$v=19$m=256,t=1,p=1$"), a);
        assertTrue(hasher.verify("a long enough password", a));
        assertTrue(hasher.verify("a long enough password", b));
        assertFalse(hasher.verify("a long enough passwore", a));
        assertTrue(PasswordHasher.isWellFormed(a));
    }

    @Test
    void defaultCostIsOwaspMinimum() {
        String h = new PasswordHasher().hash("x");
        assertTrue(h.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), h);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "plain text",
            "$argon2i$v=19$m=256,t=2,p=1$c2FsdHNhbHRzYWx0MTIzNA$3w4EITfjapHvHcU1mC0j9bpkzFQtBWiqmUijkrRBusQ",
            "$argon2id$v=16$m=256,t=2,p=1$c2FsdHNhbHRzYWx0MTIzNA$3w4EITfjapHvHcU1mC0j9bpkzFQtBWiqmUijkrRBusQ",
            "$argon2id$v=19$m=9999999,t=2,p=1$c2FsdHNhbHRzYWx0MTIzNA$3w4EITfjapHvHcU1mC0j9bpkzFQtBWiqmUijkrRBusQ",
            "$argon2id$v=19$m=256,t=0,p=1$c2FsdHNhbHRzYWx0MTIzNA$3w4EITfjapHvHcU1mC0j9bpkzFQtBWiqmUijkrRBusQ",
            "$argon2id$v=19$m=256,t=2,p=1$c2FsdA$3w4EITfjapHvHcU1mC0j9bpkzFQtBWiqmUijkrRBusQ",
            "$argon2id$v=19$m=256,t=2,p=1$c2FsdHNhbHRzYWx0MTIzNA$short"})
    void malformedHashesNeverVerify(String encoded) {
        assertFalse(PasswordHasher.isWellFormed(encoded));
        assertFalse(hasher.verify("correct horse battery", encoded));
    }
}
