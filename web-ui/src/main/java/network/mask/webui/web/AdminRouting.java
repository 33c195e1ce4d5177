package network.mask.webui.web;

import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.staticcontent.ClasspathHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;

/** All routes of the setup page, behind {@link Gate}. */
public final class AdminRouting {

    private static final System.Logger LOG = System.getLogger(AdminRouting.class.getName());

    private AdminRouting() {
    }

    public static void configure(HttpRouting.Builder routing, AdminContext ctx) {
        DashboardPage dashboard = new DashboardPage(ctx);
        routing.addFilter(new Gate(ctx));
        routing.register("/static", StaticContentFeature.createService(ClasspathHandlerConfig.builder()
                .location("network/mask/webui/static").build()));
        new ClaimPages(ctx).register(routing);
        new LoginPages(ctx).register(routing);
        new PasswordPage(ctx).register(routing);
        new SetupPages(ctx).register(routing);
        dashboard.register(routing);
        new LiveUpdates(ctx).register(routing);
        new HistoryRoute(ctx).register(routing);
        MaintenancePage maintenance = new MaintenancePage(ctx);
        maintenance.register(routing);
        new SettingsPage(ctx).register(routing);
        new ActionHandlers(ctx, maintenance).register(routing);
        new BackupPages(ctx, maintenance).register(routing);
        new UpdatePage(ctx).register(routing);
        routing.error(Exception.class, (req, res, e) -> {
            if (e instanceof HttpException http) {
                if (http.status().code() == Status.NOT_MODIFIED_304.code()) {
                    // The static-content handler answers a revalidated cache this way: a 304 carries
                    // its headers (ETag) and must carry no body, or Helidon logs it as a routing error.
                    http.headers().forEach(res::header);
                    res.status(http.status()).send();
                    return;
                }
                // Helidon's own answers (404, 400 for a malformed request): keep the status, no stack trace.
                java.util.Optional<Visit> visit = req.context().get(Visit.class);
                if (http.status().code() == Status.NOT_FOUND_404.code() && visit.isPresent()) {
                    Respond.html(res, Status.NOT_FOUND_404, Layout.message("Page not found", visit.get(),
                            "There is no page at this address on the box.", "/", "Go to the start page"));
                    return;
                }
                Respond.plain(res, http.status(), http.status().reasonPhrase() + "\n");
                return;
            }
            if (e instanceof Posts.FormException form) {
                // A body no page of ours sends: a plain refusal, not a stack trace.
                res.header("Connection", "close");
                Respond.plain(res, Status.BAD_REQUEST_400, "This form could not be read (" + form.getMessage() + ").\n");
                return;
            }
            LOG.log(System.Logger.Level.ERROR, "setup page error on " + req.path().path(), e);
            if (!res.isSent()) {
                Respond.plain(res, Status.INTERNAL_SERVER_ERROR_500, "Something went wrong. The node's log has the details.\n");
            }
        });
    }
}
