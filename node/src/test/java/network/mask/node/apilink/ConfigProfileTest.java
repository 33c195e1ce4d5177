package network.mask.node.apilink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import network.mask.node.api.AnnouncePorts;
import network.mask.node.config.ConfigSchema;
import network.mask.node.config.ConfigStore;
import network.mask.node.config.NodeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API's view of the config: the new auxiliary-details, system-info and load inputs. */
class ConfigProfileTest {

    @TempDir Path dir;

    @Test
    void defaultsSayNothingAndAcceptNothing() {
        ConfigProfile p = new ConfigProfile(new ConfigStore(dir.resolve("masknode.toml"), NodeConfig.defaults()));
        assertEquals(Optional.empty(), p.location());
        assertFalse(p.acceptedOperatorTermsAndConditions());
        assertEquals(new AnnouncePorts(1789, OptionalInt.empty(), 8080), p.announcePorts(), "no VerLoc listener: no VerLoc port");
        assertFalse(p.exposeSystemInfo(), "off on a privacy box: nym-api does not read system-info");
        assertEquals(100, p.expectedPacketRate());
    }

    @Test
    void savedChangesShowAtOnce() throws Exception {
        ConfigStore store = new ConfigStore(dir.resolve("masknode.toml"), NodeConfig.defaults());
        ConfigProfile p = new ConfigProfile(store);
        store.save(NodeConfig.defaults()
                .with(ConfigSchema.NODE_LOCATION, "DE")
                .with(ConfigSchema.NODE_ACCEPTED_OPERATOR_TERMS, true)
                .with(ConfigSchema.MIX_PORT, 2000)
                .with(ConfigSchema.MIX_ANNOUNCE_PORT, 41789)
                .with(ConfigSchema.API_PORT, 18080)
                .with(ConfigSchema.API_EXPOSE_SYSTEM_INFO, false)
                .with(ConfigSchema.REPLAY_EXPECTED_RATE, 400));
        assertEquals(Optional.of("DE"), p.location());
        assertTrue(p.acceptedOperatorTermsAndConditions());
        assertFalse(p.exposeSystemInfo());
        assertEquals(400, p.expectedPacketRate());
        // Ports are bound at start: until a restart the network is told the ports the node listens on.
        assertEquals(new AnnouncePorts(1789, OptionalInt.empty(), 8080), p.announcePorts(), "the running ports, not the saved ones");
        ConfigProfile afterRestart = new ConfigProfile(new ConfigStore(dir.resolve("masknode.toml"), store.current()));
        assertEquals(new AnnouncePorts(41789, OptionalInt.empty(), 18080), afterRestart.announcePorts(), "the router's mix port");
    }

    @Test
    void aSavedHostIsAnnouncedOnlyAfterTheRestart() throws Exception {
        ConfigStore store = new ConfigStore(dir.resolve("masknode.toml"),
                NodeConfig.defaults().with(ConfigSchema.MIX_ANNOUNCE_HOST, "old.example.net"));
        ConfigProfile p = new ConfigProfile(store);
        store.save(store.current().with(ConfigSchema.MIX_ANNOUNCE_HOST, "new.example.net"));
        assertEquals(Optional.of("old.example.net"), p.hostname());
        assertEquals(Optional.of("new.example.net"), new ConfigProfile(store).hostname());
    }
}
