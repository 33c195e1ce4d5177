package network.mask.node.storage;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import network.mask.node.config.ConfigFlags;
import network.mask.node.config.ConfigLoader;
import network.mask.node.config.ConfigSchema;
import network.mask.node.config.ConfigStore;
import network.mask.node.config.NodeConfig;
import network.mask.node.keys.KeyStore;
import network.mask.node.keys.NodeKeys;
import network.mask.node.keys.SphinxKey;
import network.mask.node.metrics.MixMetrics;
import network.mask.node.replay.BloomSizing;
import network.mask.node.replay.ReplayFilters;
import network.mask.node.sphinx.ReplayGuard;

/**
 * Child JVM for {@link KillDuringWriteTest}: rewrites every kind of state file the node keeps
 * (replay filters, keys, config), as fast as it can, until it is killed.
 */
public final class StateWriterChild {

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        SecureRandom random = new SecureRandom();
        KeyStore keyStore = new KeyStore(data, random);
        NodeKeys keys = keyStore.loadOrCreate();
        ReplayFilters filters = new ReplayFilters(data, BloomSizing.of(300_000, 1e-6), new MixMetrics(), Clock.systemUTC());
        NodeConfig config = ConfigLoader.load(ConfigFlags.parse(List.of("--data", data.toString())).overrides());
        ConfigStore configStore = new ConfigStore(config);
        System.out.println("WRITING");
        System.out.flush();
        byte[] tag = new byte[32];
        for (int i = 0; ; i++) {
            filters.retain(keys.sphinxKeys().stream().map(SphinxKey::rotationId).collect(Collectors.toSet()));
            ReplayGuard guard = filters.guard(keys.primary().rotationId());
            for (int t = 0; t < 1000; t++) {
                random.nextBytes(tag);
                guard.markSeen(tag);
            }
            filters.saveAll();
            keys = keyStore.rotate(keys);
            configStore.save(configStore.current().with(ConfigSchema.NODE_NAME, "node " + i)
                    .with(ConfigSchema.NODE_DESCRIPTION, "x".repeat(i % 400)));
        }
    }
}
