package network.mask.webui.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import network.mask.webui.security.Session.Level;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessRulesTest {

    private static String decide(String path, boolean claimed, Level level) {
        return switch (AccessRules.decide(path, claimed, level)) {
            case AccessRules.Proceed p -> "proceed";
            case AccessRules.Redirect r -> "redirect " + r.location();
            case AccessRules.Unauthorized u -> "401";
        };
    }

    @ParameterizedTest(name = "{0} claimed={1} {2} -> {3}")
    @CsvSource({
            // Before the claim only the claim pages (and their CSS/JS) answer, whoever asks.
            "/static/app.css, false, ANONYMOUS, proceed",
            "/claim, false, ANONYMOUS, proceed",
            "/claim/password, false, ANONYMOUS, proceed",
            "/, false, OWNER, redirect /claim",
            "/login, false, ANONYMOUS, redirect /claim",
            "/dashboard, false, OWNER, redirect /claim",
            "/events, false, OWNER, redirect /claim",
            "/backup, false, OWNER, redirect /claim",
            "/setup/node, false, PRESENCE_PROVEN, redirect /claim",
            // After the claim the claim pages are gone.
            "/claim, true, ANONYMOUS, redirect /",
            "/claim/password, true, PRESENCE_PROVEN, redirect /",
            "/login, true, ANONYMOUS, proceed",
            // Everything else needs the owner.
            "/, true, ANONYMOUS, redirect /login",
            "/dashboard, true, ANONYMOUS, redirect /login",
            "/dashboard, true, PRESENCE_PROVEN, redirect /login",
            "/setup/wallet, true, ANONYMOUS, redirect /login",
            "/actions/factory-reset, true, ANONYMOUS, redirect /login",
            "/logout, true, ANONYMOUS, redirect /login",
            "/events, true, ANONYMOUS, 401",
            "/dashboard, true, OWNER, proceed",
            "/events, true, OWNER, proceed",
            "/no-such-page, true, OWNER, proceed",
            "/staticx, true, ANONYMOUS, redirect /login"})
    void decides(String path, boolean claimed, Level level, String expected) {
        assertEquals(expected, decide(path, claimed, level));
    }
}
