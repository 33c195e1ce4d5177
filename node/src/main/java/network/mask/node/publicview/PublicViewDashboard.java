package network.mask.node.publicview;

import jakarta.json.JsonObject;
import java.util.Optional;
import network.mask.webui.spi.DashboardSnapshot;
import network.mask.webui.spi.DashboardSource;
import network.mask.webui.spi.PublicView;

/** The dashboard with what the public API gives away added. */
public final class PublicViewDashboard implements DashboardSource {

    private final DashboardSource inner;
    private final PublicViewReader reader;

    public PublicViewDashboard(DashboardSource inner, PublicViewReader reader) {
        this.inner = inner;
        this.reader = reader;
    }

    @Override
    public DashboardSnapshot snapshot() {
        return inner.snapshot();
    }

    @Override
    public Optional<JsonObject> history() {
        return inner.history();
    }

    @Override
    public Optional<PublicView> publicView() {
        return Optional.of(reader.read());
    }
}
