package network.mask.node.nymapistandin;

import static network.mask.node.config.ConfigSchema.*;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import network.mask.node.config.NodeConfig;
import network.mask.node.daemon.NodeDaemon;
import network.mask.node.localnet.LocalnetNode;
import network.mask.node.testing.TestNodes;

/** A real in-process node on loopback with its public API, for the stand-in to describe. */
public final class ApiNode implements AutoCloseable {

    public final NodeDaemon daemon;
    public final int apiPort;

    private ApiNode(NodeDaemon daemon, int apiPort) {
        this.daemon = daemon;
        this.apiPort = apiPort;
    }

    public static ApiNode start(Path dataDir, NodeConfig base) throws Exception {
        int api = TestNodes.freePort();
        NodeConfig config = base.with(NODE_DATA_DIR, dataDir.toString())
                .with(MIX_PORT, TestNodes.freePort())
                .with(MIX_ANNOUNCE_HOST, "127.0.0.1")
                .with(API_BIND_HOST, "127.0.0.1")
                .with(API_PORT, api)
                .with(NODE_ACCEPTED_OPERATOR_TERMS, true);
        NodeDaemon daemon = NodeDaemon.builder(config).build();
        daemon.addService(LocalnetNode.publicApi(daemon));
        daemon.start();
        return new ApiNode(daemon, api);
    }

    public static ApiNode start(Path dataDir) throws Exception {
        return start(dataDir, TestNodes.config(dataDir));
    }

    public URI apiBase() {
        return URI.create("http://127.0.0.1:" + apiPort);
    }

    @Override
    public void close() {
        daemon.stop(Duration.ZERO);
    }
}
