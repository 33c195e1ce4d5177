package network.mask.webui.web;

import io.helidon.http.Status;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import network.mask.webui.security.Session;

/**
 * Server-sent events with the dashboard's figures every {@code liveInterval}. The stream ends
 * when the browser leaves, the session ends (logout, reset) or the server stops; browsers
 * reconnect on their own.
 */
final class LiveUpdates {

    private static final System.Logger LOG = System.getLogger(LiveUpdates.class.getName());

    private final AdminContext ctx;

    LiveUpdates(AdminContext ctx) {
        this.ctx = ctx;
    }

    void register(HttpRules rules) {
        rules.get("/events", this::stream);
    }

    private void stream(ServerRequest req, ServerResponse res) {
        Session session = Posts.visit(req).session().orElseThrow();
        if (!ctx.liveStreams.tryAcquire()) {
            res.header("Retry-After", "10");
            Respond.plain(res, Status.SERVICE_UNAVAILABLE_503, "Too many open dashboards.\n");
            return;
        }
        long intervalMillis = ctx.config.liveInterval().toMillis();
        try (SseSink sink = res.sink(SseSink.TYPE)) {
            while (ctx.running() && ctx.sessions.stillValid(session)) {
                String json = DashboardView.of(ctx.backend.dashboard().snapshot()).json(ctx.backend.dashboard().homeAssistant());
                sink.emit(SseEvent.builder().name("figures").data(json).build());
                sink.emit(SseEvent.builder().name("status").data(StatusCard.json(ctx.backend.dashboard().status())).build());
                Thread.sleep(intervalMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The usual way a stream ends: the browser closed the page and the write failed.
            LOG.log(System.Logger.Level.DEBUG, "live stream ended: " + e);
        } finally {
            ctx.liveStreams.release();
        }
    }
}
