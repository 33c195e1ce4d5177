package network.mask.webui.web;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/** The few response shapes the pages use. */
final class Respond {

    private Respond() {
    }

    static void html(ServerResponse res, Status status, String html) {
        res.status(status);
        res.header("Content-Type", "text/html; charset=utf-8");
        res.send(html);
    }

    /** A form sent back with its field errors (400), counted. */
    static void invalid(AdminContext ctx, ServerResponse res, String html) {
        ctx.counters.invalidForm();
        html(res, Status.BAD_REQUEST_400, html);
    }

    /** 303 so a browser follows a form POST with a GET (post/redirect/get). */
    static void redirect(ServerResponse res, String location) {
        res.status(Status.SEE_OTHER_303);
        res.header("Location", location);
        res.send();
    }

    static void plain(ServerResponse res, Status status, String text) {
        res.status(status);
        res.header("Content-Type", "text/plain; charset=utf-8");
        res.send(text);
    }
}
