package network.mask.webui.spi;

import java.util.List;
import java.util.Objects;

/**
 * What the node's public API tells anyone who asks, as the owner should know it.
 *
 * @param reachable        whether the node could read its own public API just now
 * @param load             the load it publishes ({@code /api/v1/load}), e.g. "total low, machine low, network negligible"
 * @param systemInfoShared whether {@code /api/v1/system-info} answers (setting {@code api.expose_system_info})
 * @param systemInfo       what it gives away when shared, one "name: value" per line
 */
public record PublicView(boolean reachable, String load, boolean systemInfoShared, List<String> systemInfo) {

    public PublicView {
        Objects.requireNonNull(load);
        systemInfo = List.copyOf(systemInfo);
    }
}
