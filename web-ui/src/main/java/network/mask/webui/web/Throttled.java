package network.mask.webui.web;

import java.time.Duration;
import java.util.Optional;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/** The 429 answer for password and code guessing, with Retry-After in whole seconds. */
final class Throttled {

    private Throttled() {
    }

    /** True (and the response sent) if the visitor must wait. */
    static boolean refuse(AdminContext ctx, Visit visit, ServerResponse res) {
        Optional<Duration> wait = ctx.throttle.retryAfter(visit.client());
        if (wait.isEmpty()) {
            return false;
        }
        ctx.counters.throttled();
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        res.header("Retry-After", Long.toString(seconds));
        Respond.html(res, Status.TOO_MANY_REQUESTS_429, Layout.message("Too many attempts", visit,
                "Too many wrong attempts. Wait " + seconds + " seconds, then try again.", "/", "Back"));
        return true;
    }
}
