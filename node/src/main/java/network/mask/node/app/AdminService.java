package network.mask.node.app;

import java.io.IOException;
import network.mask.node.daemon.NodeService;
import network.mask.webui.AdminBackend;
import network.mask.webui.AdminConfig;
import network.mask.webui.AdminServer;

/** The setup page and dashboard on the admin port, for the node's lifetime. */
public final class AdminService implements NodeService {

    private final AdminConfig config;
    private final AdminBackend backend;
    private volatile AdminServer server;

    public AdminService(AdminConfig config, AdminBackend backend) {
        this.config = config;
        this.backend = backend;
    }

    @Override
    public void start() throws IOException {
        server = AdminServer.start(config, backend);
    }

    /** The bound port, or -1 when the page is not running. */
    public int port() {
        AdminServer s = server;
        return s != null && s.isRunning() ? s.port() : -1;
    }

    @Override
    public void stop() {
        AdminServer s = server;
        if (s != null) s.close();
    }

    @Override
    public String name() {
        return "setup page";
    }
}
