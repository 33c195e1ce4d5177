package network.mask.webui.spi;

/** What the dashboard shows; read about once a second per open dashboard, so it must be cheap. */
@FunctionalInterface
public interface DashboardSource {
    DashboardSnapshot snapshot();
}
