package network.mask.node.config;

import static network.mask.node.config.ConfigSchema.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * The node's whole configuration, validated. Built by {@link ConfigLoader} from the config
 * file, command-line flags and defaults; changed with {@link #with} and saved by {@link ConfigStore}.
 *
 * @param dev    running on a developer PC ({@code --dev}): mock board, API and setup page on localhost
 * @param source the file this was read from (and is saved to), or {@code null} if none existed
 */
public record NodeConfig(Node node, Mixnet mixnet, Limits limits, Replay replay, Api api, Admin admin, Mqtt mqtt,
                         Led led, Board board, Crypto crypto, Network network, Noise noise, boolean dev, Path source) {

    /** @param location ISO 3166 alpha-2 country code, or "" when not said */
    public record Node(String name, String description, String website, String securityContact, Path dataDir,
                       String wallet, String location, boolean acceptedOperatorTermsAndConditions,
                       boolean describeAsNymNode) {}

    public record Mixnet(String bindHost, int port, String announceHost, boolean announceInterfaceAddresses,
                         int announcePort, int verlocPort,
                         int framingVersion, Duration maxDelay, Duration timerGranularity, boolean allowPrivateNextHops,
                         Duration connectTimeout,
                         Duration reconnectInitial, Duration reconnectMax) {
        /** The port other nodes should use. */
        public int effectiveAnnouncePort() {
            return announcePort == 0 ? port : announcePort;
        }
    }

    public record Limits(int maxConnections, int maxConnectionsPerIp, Duration idleTimeout, Duration frameTimeout,
                         int maxFrameBytes, int ingressQueue, int egressQueuePerPeer, int maxPeers,
                         int maxPendingPackets, int workerThreads, int ioThreads, Duration shutdownGrace,
                         Duration peerIdleClose,
                         // memory budget (docs/memory-budget.md)
                         int maxConnectionsPerNetwork, int sourcePrefixIpv4, int sourcePrefixIpv6, int heldPacketsMib,
                         int ingressQueueMib, int egressQueueMib, int egressQueuePerPeerKib, Duration egressMaxAge) {}

    public record Replay(int expectedRate, Duration keyLifetime, double falsePositiveRate, Duration saveInterval,
                         int maxFilterMib, Duration journalInterval) {
        /** Tags one key's filter is sized for. */
        public long expectedTags() {
            return (long) expectedRate * keyLifetime.toSeconds();
        }
    }

    public record Api(String bindHost, int port, String metricsToken, boolean exposeSystemInfo) {
        @Override
        public String toString() {
            return "Api[" + bindHost + ":" + port + ", metrics token " + (metricsToken.isEmpty() ? "unset" : "set") + "]";
        }
    }

    public record Admin(String bindHost, int port, boolean tls) {}

    /** @param caFile broker CA (PEM), {@code clientCertificate}/{@code clientKey} for mutual TLS; "" = not set */
    public record Mqtt(boolean enabled, String url, String username, String password, boolean tls, String topicPrefix,
                       String discoveryPrefix, Duration interval, String caFile, String clientCertificate, String clientKey) {
        @Override
        public String toString() {
            return "Mqtt[" + (enabled ? url : "disabled") + ", user " + (username.isEmpty() ? "-" : username) + "]";
        }
    }

    public record Led(boolean enabled, int brightness) {}
    /** @param nymApiUrls comma-separated, as in the file; see {@link network.mask.node.nymapi.NymApiUrls#parse} */
    public record Network(String nymApiUrls, Duration nymApiTimeout, Duration topologyRefresh, Duration unknownNodeLookup) {}

    /** Noise links to other nodes (network.mask.node.noiselink). */
    public record Noise(boolean enabled, Duration handshakeTimeout) {}

    /** The box's wiring; pins are BCM numbers, -1 (or "" for the colour light) means not wired. */
    public record Board(boolean onboardLeds, int buttonBcm, boolean buttonActiveLow, int statusLedBcm, int alertLedBcm,
                        String rgbLed) {
        public OptionalInt button() {
            return pin(buttonBcm);
        }

        public OptionalInt statusLed() {
            return pin(statusLedBcm);
        }

        public OptionalInt alertLed() {
            return pin(alertLedBcm);
        }

        /** Red, green and blue pins, or empty. */
        public List<Integer> rgbPins() {
            if (rgbLed.isEmpty()) return List.of();
            return Stream.of(rgbLed.split(",")).map(p -> Integer.parseInt(p.strip())).toList();
        }

        private static OptionalInt pin(int bcm) {
            return bcm < 0 ? OptionalInt.empty() : OptionalInt.of(bcm);
        }
    }

    public record Crypto(String x25519, String x25519Dh, String x25519Blind, String hkdf, String aesCtr, String hmac,
                         String chacha20, String blake2b, String aesGcm) {
        /** The primitives forced in the file, as the Sphinx engine's selector takes them (e.g. x25519=sodium). */
        public Map<String, String> overrides() {
            Map<String, String> out = new LinkedHashMap<>();
            for (ConfigKey<String> k : List.of(CRYPTO_X25519, CRYPTO_X25519_DH, CRYPTO_X25519_BLIND, CRYPTO_HKDF,
                    CRYPTO_AES_CTR, CRYPTO_HMAC, CRYPTO_CHACHA20, CRYPTO_BLAKE2B, CRYPTO_AES_GCM)) {
                String v = switch (k.name()) {
                    case "x25519" -> x25519;
                    case "x25519-dh" -> x25519Dh;
                    case "x25519-blind" -> x25519Blind;
                    case "hkdf" -> hkdf;
                    case "aes-ctr" -> aesCtr;
                    case "hmac" -> hmac;
                    case "chacha20" -> chacha20;
                    case "aes-gcm" -> aesGcm;
                    default -> blake2b;
                };
                if (!v.equals("auto")) out.put(k.name(), v);
            }
            return out;
        }
    }

    /** Every setting at its default. */
    public static NodeConfig defaults() {
        Map<ConfigKey<?>, Object> values = new LinkedHashMap<>();
        for (ConfigKey<?> k : ConfigSchema.keys()) values.put(k, k.defaultValue());
        return fromValues(values, false, null);
    }

    /** A copy with one setting changed (the value must be valid for the key: see {@link ConfigKey#parse}). */
    public <T> NodeConfig with(ConfigKey<T> key, T value) {
        Map<ConfigKey<?>, Object> values = values();
        values.put(key, value);
        return fromValues(values, dev, source);
    }

    /** A copy that remembers a different source file. */
    public NodeConfig withSource(Path file) {
        return fromValues(values(), dev, file);
    }

    /** Every setting's value, in file order. */
    public Map<ConfigKey<?>, Object> values() {
        Map<ConfigKey<?>, Object> out = new LinkedHashMap<>();
        for (ConfigKey<?> k : ConfigSchema.keys()) out.put(k, k.read(this));
        return out;
    }

    /** A typed read of one setting. */
    public <T> T get(ConfigKey<T> key) {
        return key.read(this);
    }

    @SuppressWarnings("unchecked")
    private static <T> T v(Map<ConfigKey<?>, Object> values, ConfigKey<T> key) {
        return (T) values.get(key);
    }

    static NodeConfig fromValues(Map<ConfigKey<?>, Object> m, boolean dev, Path source) {
        return new NodeConfig(
                new Node(v(m, NODE_NAME), v(m, NODE_DESCRIPTION), v(m, NODE_WEBSITE), v(m, NODE_SECURITY_CONTACT),
                        Path.of(v(m, NODE_DATA_DIR)), v(m, NODE_WALLET), v(m, NODE_LOCATION),
                        v(m, NODE_ACCEPTED_OPERATOR_TERMS), v(m, NODE_DESCRIBE_AS_NYM_NODE)),
                new Mixnet(v(m, MIX_BIND_HOST), v(m, MIX_PORT), v(m, MIX_ANNOUNCE_HOST),
                        v(m, MIX_ANNOUNCE_INTERFACE_ADDRESSES), v(m, MIX_ANNOUNCE_PORT),
                        v(m, MIX_VERLOC_PORT), v(m, MIX_FRAMING_VERSION), v(m, MIX_MAX_DELAY), v(m, MIX_TIMER_GRANULARITY),
                        v(m, MIX_ALLOW_PRIVATE_NEXT_HOPS), v(m, MIX_CONNECT_TIMEOUT), v(m, MIX_RECONNECT_INITIAL),
                        v(m, MIX_RECONNECT_MAX)),
                new Limits(v(m, LIMIT_MAX_CONNECTIONS), v(m, LIMIT_MAX_CONNECTIONS_PER_IP), v(m, LIMIT_IDLE_TIMEOUT),
                        v(m, LIMIT_FRAME_TIMEOUT), v(m, LIMIT_MAX_FRAME_BYTES), v(m, LIMIT_INGRESS_QUEUE),
                        v(m, LIMIT_EGRESS_QUEUE_PER_PEER), v(m, LIMIT_MAX_PEERS), v(m, LIMIT_MAX_PENDING),
                        v(m, LIMIT_WORKER_THREADS), v(m, LIMIT_IO_THREADS), v(m, LIMIT_SHUTDOWN_GRACE),
                        v(m, LIMIT_PEER_IDLE_CLOSE),
                        v(m, LIMIT_MAX_CONNECTIONS_PER_NETWORK), v(m, LIMIT_SOURCE_PREFIX_IPV4), v(m, LIMIT_SOURCE_PREFIX_IPV6),
                        v(m, LIMIT_HELD_PACKETS_MIB), v(m, LIMIT_INGRESS_QUEUE_MIB), v(m, LIMIT_EGRESS_QUEUE_MIB),
                        v(m, LIMIT_EGRESS_QUEUE_PER_PEER_KIB), v(m, LIMIT_EGRESS_MAX_AGE)),
                new Replay(v(m, REPLAY_EXPECTED_RATE), v(m, REPLAY_KEY_LIFETIME), v(m, REPLAY_FALSE_POSITIVE_RATE),
                        v(m, REPLAY_SAVE_INTERVAL), v(m, REPLAY_MAX_FILTER_MIB), v(m, REPLAY_JOURNAL_INTERVAL)),
                new Api(v(m, API_BIND_HOST), v(m, API_PORT), v(m, API_METRICS_TOKEN), v(m, API_EXPOSE_SYSTEM_INFO)),
                new Admin(v(m, ADMIN_BIND_HOST), v(m, ADMIN_PORT), v(m, ADMIN_TLS)),
                new Mqtt(v(m, MQTT_ENABLED), v(m, MQTT_URL), v(m, MQTT_USERNAME), v(m, MQTT_PASSWORD), v(m, MQTT_TLS),
                        v(m, MQTT_TOPIC_PREFIX), v(m, MQTT_DISCOVERY_PREFIX), v(m, MQTT_INTERVAL),
                        v(m, MQTT_CA_FILE), v(m, MQTT_CLIENT_CERTIFICATE), v(m, MQTT_CLIENT_KEY)),
                new Led(v(m, LED_ENABLED), v(m, LED_BRIGHTNESS)),
                new Board(v(m, BOARD_ONBOARD_LEDS), v(m, BOARD_BUTTON_BCM), v(m, BOARD_BUTTON_ACTIVE_LOW),
                        v(m, BOARD_STATUS_LED_BCM), v(m, BOARD_ALERT_LED_BCM), v(m, BOARD_RGB_LED)),
                new Crypto(v(m, CRYPTO_X25519), v(m, CRYPTO_X25519_DH), v(m, CRYPTO_X25519_BLIND), v(m, CRYPTO_HKDF),
                        v(m, CRYPTO_AES_CTR), v(m, CRYPTO_HMAC), v(m, CRYPTO_CHACHA20), v(m, CRYPTO_BLAKE2B),
                        v(m, CRYPTO_AES_GCM)),
                new Network(v(m, NET_NYM_API_URLS), v(m, NET_NYM_API_TIMEOUT), v(m, NET_TOPOLOGY_REFRESH),
                        v(m, NET_UNKNOWN_NODE_LOOKUP)),
                new Noise(v(m, NOISE_ENABLED), v(m, NOISE_HANDSHAKE_TIMEOUT)),
                dev, source);
    }

    @Override
    public String toString() {
        // Records print every field; this one holds secrets.
        return "NodeConfig[" + node.name() + ", data " + node.dataDir() + ", mix port " + mixnet.port()
                + (dev ? ", dev" : "") + (source == null ? "" : ", from " + source) + "]";
    }
}
