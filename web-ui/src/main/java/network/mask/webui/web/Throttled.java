package network.mask.webui.web;

import java.time.Duration;
import java.util.Optional;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import network.mask.webui.security.AttackLog;

/** The 429 answer for password and code guessing, with Retry-After in whole seconds. */
final class Throttled {

    private Throttled() {
    }

    /**
     * Charges one guess to the visitor before the (expensive) check runs, or refuses it.
     *
     * @return true if the guess may be checked; false if the 429 is already sent
     */
    static boolean admit(AdminContext ctx, Visit visit, ServerResponse res) {
        Optional<Duration> wait = ctx.throttle.tryAttempt(visit.client());
        if (wait.isEmpty()) {
            return true;
        }
        tooMany(ctx, visit, res, wait.get());
        return false;
    }

    /** True (and the response sent) if the visitor must wait; charges nothing. */
    static boolean refuse(AdminContext ctx, Visit visit, ServerResponse res) {
        Optional<Duration> wait = ctx.throttle.retryAfter(visit.client());
        if (wait.isEmpty()) {
            return false;
        }
        tooMany(ctx, visit, res, wait.get());
        return true;
    }

    private static void tooMany(AdminContext ctx, Visit visit, ServerResponse res, Duration wait) {
        ctx.counters.throttled();
        ctx.attackLog.note(AttackLog.Kind.THROTTLED, visit.client());
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        res.header("Retry-After", Long.toString(seconds));
        Respond.html(res, Status.TOO_MANY_REQUESTS_429, Layout.message("Too many attempts", visit,
                "Too many wrong attempts. Wait " + seconds + " seconds, then try again.", "/", "Back"));
    }
}
