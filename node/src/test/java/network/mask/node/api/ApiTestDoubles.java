package network.mask.node.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import network.mask.node.metrics.MetricsSnapshot;
import network.mask.node.metrics.MetricsSource;

/** Test implementations of the API's inputs. */
final class ApiTestDoubles {

    private ApiTestDoubles() {}

    static final class Profile implements NodeProfile {
        volatile NodeDescription description = new NodeDescription("living-room", "https://example.org",
                "ops@example.org", "a \"quoted\" detail\nwith a newline");
        volatile List<String> ips = List.of("203.0.113.7", "2001:0db8:0000:0000:0000:0000:0000:0001");
        volatile Optional<String> hostname = Optional.of("node.example.org");
        volatile Optional<String> location = Optional.of("CH");
        volatile AnnouncePorts ports = new AnnouncePorts(1789, OptionalInt.of(1790), 8080);
        volatile boolean acceptedTerms = true;
        volatile boolean exposeSystemInfo = true;
        volatile int expectedRate = 100;

        @Override
        public NodeDescription description() {
            return description;
        }

        @Override
        public List<String> announcedIpAddresses() {
            return ips;
        }

        @Override
        public Optional<String> hostname() {
            return hostname;
        }

        @Override
        public Optional<String> location() {
            return location;
        }

        @Override
        public AnnouncePorts announcePorts() {
            return ports;
        }

        @Override
        public boolean acceptedOperatorTermsAndConditions() {
            return acceptedTerms;
        }

        @Override
        public boolean exposeSystemInfo() {
            return exposeSystemInfo;
        }

        @Override
        public int expectedPacketRate() {
            return expectedRate;
        }
    }

    static final class Metrics implements MetricsSource {
        final Instant startedAt = Instant.now().minusSeconds(3600);
        static final long DELAY_SUM_NANOS = 12_345_000_000L;
        volatile long received = 1_000;
        volatile Map<String, Long> dropped = Map.of("bad_mac", 7L, "replayed", 3L, "egress_queue_full", 5L,
                "final_hop", 2L, "excessive_delay", 1L);

        @Override
        public MetricsSnapshot snapshot() {
            return new MetricsSnapshot(Instant.now(), startedAt, received, 900, 2, 3, new TreeMap<>(dropped),
                    4, 40, 6, 8, 9, Map.of(50.0, 10L, 1000.0, 60L, Double.POSITIVE_INFINITY, 61L), Map.of(),
                    DELAY_SUM_NANOS);
        }
    }
}
