package network.mask.node.config;

import static network.mask.node.config.ValueType.bool;
import static network.mask.node.config.ValueType.choice;
import static network.mask.node.config.ValueType.decimal;
import static network.mask.node.config.ValueType.duration;
import static network.mask.node.config.ValueType.gpioPin;
import static network.mask.node.config.ValueType.gpioTriple;
import static network.mask.node.config.ValueType.integer;
import static network.mask.node.config.ValueType.pattern;
import static network.mask.node.config.ValueType.text;
import static network.mask.node.config.ValueType.url;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Every setting of {@code masknode.toml}, in file order, with its type, default and documentation. */
public final class ConfigSchema {

    private static final List<ConfigKey<?>> KEYS = new ArrayList<>();
    private static final Map<String, String> SECTIONS = new LinkedHashMap<>();

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\-\\[\\]]{1,253}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern NYX_ADDRESS = Pattern.compile("n1[02-9ac-hj-np-z]{38,58}");
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9_\\-/]{1,100}");
    /** The JDK's ISO 3166 alpha-2 codes, so "XX" or "UK" is refused as nym-node's country type refuses it. */
    private static final Pattern COUNTRY = Pattern.compile(String.join("|", Locale.getISOCountries()));

    static {
        section("node", "Who this node is. Name, description, website and contact are public (served at /api/v1/description);\n"
                + "location and the operator terms answer are public too (at /api/v1/auxiliary-details).");
    }
    public static final ConfigKey<String> NODE_NAME = key("node", "name", text(50), "Mask Node",
            "Public name (moniker) of the node.", c -> c.node().name());
    public static final ConfigKey<String> NODE_DESCRIPTION = key("node", "description", text(500), "",
            "Public description of the node.", c -> c.node().description());
    public static final ConfigKey<String> NODE_WEBSITE = key("node", "website", url("https", "http"), "",
            "Public website of the operator.", c -> c.node().website());
    public static final ConfigKey<String> NODE_SECURITY_CONTACT = key("node", "security_contact",
            pattern("an e-mail address", EMAIL, 254), "", "Public e-mail address for security reports.",
            c -> c.node().securityContact());
    public static final ConfigKey<String> NODE_DATA_DIR = key("node", "data_dir", text(4096), "/var/lib/masknode",
            "Directory for keys and state (flag --data). Keys are created here on first start.",
            c -> c.node().dataDir().toString());
    public static final ConfigKey<String> NODE_WALLET = key("node", "wallet", pattern("a Nyx address (n1...)", NYX_ADDRESS, 100), "",
            "Nyx wallet address the node is bonded with (informational).", c -> c.node().wallet());
    public static final ConfigKey<String> NODE_LOCATION = key("node", "location",
            pattern("an ISO 3166 two-letter country code in capitals, e.g. \"DE\"", COUNTRY, 2), "",
            "Country the box physically stands in, as nym-node's [host] location; \"\" = not said.", c -> c.node().location());
    public static final ConfigKey<Boolean> NODE_ACCEPTED_OPERATOR_TERMS = key("node", "accepted_operator_terms_and_conditions", bool(), false,
            "You accept the Nym node operator terms and conditions (https://nymtech.net/terms-and-conditions/operators/v1.0.0),\n"
            + "as nym-node's --accept-operator-terms-and-conditions. nym-api gives nodes that have not accepted them no config score.",
            c -> c.node().acceptedOperatorTermsAndConditions());
    public static final ConfigKey<Boolean> NODE_DESCRIBE_AS_NYM_NODE = key("node", "describe_as_nym_node", bool(), true,
            "Describe this node to the Nym network as compatible with the nym-node release whose protocol it implements\n"
            + "(/api/v1/build-information: binary_name \"nym-node\", build_version that release), while saying in the same\n"
            + "document that it is Mask Node on Java. nym-api scores any other binary name 0, so the network never\n"
            + "selects it. false = describe itself only as masknode with its own version.",
            c -> c.node().describeAsNymNode());

    static {
        section("mixnet", "The mix port: Sphinx packets from other nodes, and where they go next.");
    }
    public static final ConfigKey<String> MIX_BIND_HOST = key("mixnet", "bind_host", pattern("an IP address", HOST, 253), "::",
            "Address to listen on; \"::\" is every IPv4 and IPv6 address (falls back to 0.0.0.0 without IPv6).",
            c -> c.mixnet().bindHost());
    public static final ConfigKey<Integer> MIX_PORT = key("mixnet", "port", integer(1, 65535), 1789,
            "TCP port for mix traffic (flag --mix-port). Nym's default is 1789.", c -> c.mixnet().port());
    public static final ConfigKey<String> MIX_ANNOUNCE_HOST = key("mixnet", "announce_host", pattern("a host name or IP address", HOST, 253), "",
            "Public host name or IP other nodes reach this node at (the router's address, for a node behind NAT).\n"
            + "A DNS name (e.g. dynamic DNS) is announced as the host name and resolved every 5 minutes for the IP addresses.",
            c -> c.mixnet().announceHost());
    public static final ConfigKey<Boolean> MIX_ANNOUNCE_INTERFACE_ADDRESSES = key("mixnet", "announce_interface_addresses", bool(), true,
            "Also announce the public IPv4 and IPv6 addresses found on this box's network interfaces (a home box usually\n"
            + "has its public IPv6 there). Private and loopback addresses are never announced (except with --dev).",
            c -> c.mixnet().announceInterfaceAddresses());
    public static final ConfigKey<Integer> MIX_ANNOUNCE_PORT = key("mixnet", "announce_port", integer(0, 65535), 0,
            "Public mix port, when the router forwards a different port; 0 means the same as port.",
            c -> c.mixnet().announcePort());
    public static final ConfigKey<Integer> MIX_VERLOC_PORT = key("mixnet", "verloc_port", integer(1, 65535), 1790,
            "VerLoc (latency measurement) port, for when the node runs VerLoc; not announced until then.", c -> c.mixnet().verlocPort());
    public static final ConfigKey<Integer> MIX_FRAMING_VERSION = key("mixnet", "framing_version", integer(7, 8), 7,
            "Framing written to next hops: 7 (what nym-node sends today) or 8 (adds the key-rotation byte). Both are accepted.",
            c -> c.mixnet().framingVersion());
    public static final ConfigKey<Duration> MIX_MAX_DELAY = key("mixnet", "max_delay", duration(Duration.ZERO, Duration.ofSeconds(60)),
            Duration.ofSeconds(10), "Longer per-packet delays requested by senders are shortened to this (nym-node: 10s).",
            c -> c.mixnet().maxDelay());
    public static final ConfigKey<Duration> MIX_TIMER_GRANULARITY = key("mixnet", "timer_granularity", duration(Duration.ZERO, Duration.ofMillis(10)),
            Duration.ofMillis(1), "The node looks for due packets at most once per this (never early, at most this much late), so that\n"
            + "packets due together leave in one write: far fewer system calls and wake-ups per packet. \"0ms\" releases each packet exactly.",
            c -> c.mixnet().timerGranularity());
    public static final ConfigKey<Boolean> MIX_ALLOW_PRIVATE_NEXT_HOPS = key("mixnet", "allow_private_next_hops", bool(), false,
            "Forward to loopback and private (LAN) addresses. Only for local test networks: otherwise anyone could make the node connect into your LAN.",
            c -> c.mixnet().allowPrivateNextHops());
    public static final ConfigKey<Duration> MIX_CONNECT_TIMEOUT = key("mixnet", "connect_timeout", duration(Duration.ofMillis(100), Duration.ofSeconds(60)),
            Duration.ofMillis(1500), "TCP connect timeout towards next hops.", c -> c.mixnet().connectTimeout());
    public static final ConfigKey<Duration> MIX_RECONNECT_INITIAL = key("mixnet", "reconnect_initial", duration(Duration.ofMillis(10), Duration.ofMinutes(10)),
            Duration.ofSeconds(1), "First pause before reconnecting to a next hop that failed; it doubles per failure.",
            c -> c.mixnet().reconnectInitial());
    public static final ConfigKey<Duration> MIX_RECONNECT_MAX = key("mixnet", "reconnect_max", duration(Duration.ofMillis(10), Duration.ofHours(1)),
            Duration.ofSeconds(60), "Longest pause between reconnect attempts.", c -> c.mixnet().reconnectMax());

    static {
        section("network", "How the node learns the network from nym-api: the key-rotation schedule, the nodes it may forward to,\n"
                + "and its own entry in the directory. See docs/nym-api.md. The last answer is kept in <data_dir>/nym-api/.");
    }
    private static final Pattern URL_LIST = Pattern.compile("https?://[^\\s,]+(\\s*,\\s*https?://[^\\s,]+)*");
    public static final ConfigKey<String> NET_NYM_API_URLS = key("network", "nym_api_urls",
            pattern("comma-separated http(s) URLs", URL_LIST, 2000), network.mask.node.nymapi.NymApiUrls.MAINNET,
            "nym-api base URLs, asked in turn until one answers (default: Nym mainnet's, from nym's network defaults).",
            c -> c.network().nymApiUrls());
    public static final ConfigKey<Duration> NET_NYM_API_TIMEOUT = key("network", "nym_api_timeout", duration(Duration.ofMillis(200), Duration.ofMinutes(2)),
            Duration.ofSeconds(10), "Longest wait for one nym-api answer before the next URL is tried.", c -> c.network().nymApiTimeout());
    public static final ConfigKey<Duration> NET_TOPOLOGY_REFRESH = key("network", "topology_refresh", duration(Duration.ofSeconds(1), Duration.ofDays(1)),
            Duration.ofMinutes(10), "How often the schedule, node list and rewarded set are read again (nym-node: 10 minutes).",
            c -> c.network().topologyRefresh());
    public static final ConfigKey<Duration> NET_UNKNOWN_NODE_LOOKUP = key("network", "unknown_node_lookup", duration(Duration.ofSeconds(1), Duration.ofHours(1)),
            Duration.ofMinutes(5), "How often next hops that are not in the topology are looked up (their packets are dropped meanwhile).",
            c -> c.network().unknownNodeLookup());

    static {
        section("noise", "Noise encryption of the links to other nodes, as nym-node does it (Noise_XKpsk3_25519_AESGCM_SHA256).\n"
                + "See docs/noise.md: it hides the packet framing on the wire; it does not hide who talks to whom.");
    }
    public static final ConfigKey<Boolean> NOISE_ENABLED = key("noise", "enabled", bool(), true,
            "Announce a Noise key (<data_dir>/keys/noise_x25519.key) and encrypt the links to nodes that announce one, as every\n"
            + "nym-node does. false = plain TCP with every node and no key announced (nym-node's unsafe_disable_noise).",
            c -> c.noise().enabled());
    public static final ConfigKey<Duration> NOISE_HANDSHAKE_TIMEOUT = key("noise", "handshake_timeout",
            duration(Duration.ofMillis(100), Duration.ofSeconds(60)), Duration.ofMillis(1500),
            "A Noise handshake not finished this long after the connection opened is given up, and that link closed\n"
            + "(nym-node: 1.5 s, its initial_connection_timeout).", c -> c.noise().handshakeTimeout());

    static {
        section("limits", "Bounds that keep memory and connections in check. 0 means: chosen from the machine.");
    }
    public static final ConfigKey<Integer> LIMIT_MAX_CONNECTIONS = key("limits", "max_connections", integer(1, 1_000_000), 1024,
            "Open inbound connections, all peers together.", c -> c.limits().maxConnections());
    public static final ConfigKey<Integer> LIMIT_MAX_CONNECTIONS_PER_IP = key("limits", "max_connections_per_ip", integer(1, 100_000), 16,
            "Open inbound connections from one IP address.", c -> c.limits().maxConnectionsPerIp());
    public static final ConfigKey<Duration> LIMIT_IDLE_TIMEOUT = key("limits", "idle_timeout", duration(Duration.ofSeconds(1), Duration.ofDays(1)),
            Duration.ofMinutes(5), "Inbound connections that have not delivered a complete packet within this time are closed.\n"
            + "Once a peer has sent a valid frame its link is kept however long it stays quiet, as nym-node keeps it.",
            c -> c.limits().idleTimeout());
    public static final ConfigKey<Duration> LIMIT_FRAME_TIMEOUT = key("limits", "frame_timeout", duration(Duration.ofMillis(100), Duration.ofMinutes(10)),
            Duration.ofSeconds(10), "A packet must arrive completely within this time after its first byte (guards against slow-loris peers).",
            c -> c.limits().frameTimeout());
    public static final ConfigKey<Integer> LIMIT_MAX_FRAME_BYTES = key("limits", "max_frame_bytes", integer(390, 33137), 33137,
            "Largest frame accepted (4-byte header + packet). 33137 allows every Nym packet size; 2417 only regular ones.",
            c -> c.limits().maxFrameBytes());
    public static final ConfigKey<Integer> LIMIT_INGRESS_QUEUE = key("limits", "ingress_queue", integer(2, 1_000_000), 4096,
            "Packets waiting for a crypto worker; when full, the node stops reading from peers until it drains.",
            c -> c.limits().ingressQueue());
    public static final ConfigKey<Integer> LIMIT_EGRESS_QUEUE_PER_PEER = key("limits", "egress_queue_per_peer", integer(1, 1_000_000), 2048,
            "Packets held for one next hop that is slow or unreachable; beyond this the oldest are dropped.",
            c -> c.limits().egressQueuePerPeer());
    public static final ConfigKey<Integer> LIMIT_MAX_PEERS = key("limits", "max_peers", integer(1, 100_000), 1024,
            "Distinct next hops at once.", c -> c.limits().maxPeers());
    public static final ConfigKey<Integer> LIMIT_MAX_PENDING = key("limits", "max_pending_packets", integer(0, 10_000_000), 0,
            "Packets held for their delay at once; 0 = as many as fit in half the Java heap.", c -> c.limits().maxPendingPackets());
    public static final ConfigKey<Integer> LIMIT_WORKER_THREADS = key("limits", "worker_threads", integer(0, 1024), 0,
            "Threads unwrapping Sphinx packets; 0 = one per CPU core.", c -> c.limits().workerThreads());
    public static final ConfigKey<Integer> LIMIT_IO_THREADS = key("limits", "io_threads", integer(0, 1024), 0,
            "Network I/O threads; 0 = one per two cores.", c -> c.limits().ioThreads());
    public static final ConfigKey<Duration> LIMIT_SHUTDOWN_GRACE = key("limits", "shutdown_grace", duration(Duration.ZERO, Duration.ofMinutes(1)),
            Duration.ofSeconds(3), "On stop, packets due within this time are still sent; the rest are counted and dropped.",
            c -> c.limits().shutdownGrace());
    public static final ConfigKey<Duration> LIMIT_PEER_IDLE_CLOSE = key("limits", "peer_idle_close", duration(Duration.ofSeconds(1), Duration.ofDays(1)),
            Duration.ofMinutes(10), "Connections to next hops unused this long are closed (reopened when needed).",
            c -> c.limits().peerIdleClose());
    // --- memory budget (issue 17, docs/memory-budget.md): every buffer a stranger can fill has a bound in bytes ---
    public static final ConfigKey<Integer> LIMIT_MAX_CONNECTIONS_PER_NETWORK = key("limits", "max_connections_per_network", integer(1, 100_000), 32,
            "Open inbound connections from one source network (see source_prefix_ipv4 and source_prefix_ipv6).",
            c -> c.limits().maxConnectionsPerNetwork());
    public static final ConfigKey<Integer> LIMIT_SOURCE_PREFIX_IPV4 = key("limits", "source_prefix_ipv4", integer(8, 32), 24,
            "Prefix length of one IPv4 source network for max_connections_per_network.", c -> c.limits().sourcePrefixIpv4());
    public static final ConfigKey<Integer> LIMIT_SOURCE_PREFIX_IPV6 = key("limits", "source_prefix_ipv6", integer(16, 128), 64,
            "Prefix length of one IPv6 source network for max_connections_per_network (one household or server has a /64).",
            c -> c.limits().sourcePrefixIpv6());
    public static final ConfigKey<Integer> LIMIT_HELD_PACKETS_MIB = key("limits", "held_packets_mib", integer(0, 4096), 0,
            "MiB of heap that packets held for their delay may take; beyond it new ones are dropped. 0 = an eighth of the Java heap.",
            c -> c.limits().heldPacketsMib());
    public static final ConfigKey<Integer> LIMIT_INGRESS_QUEUE_MIB = key("limits", "ingress_queue_mib", integer(0, 4096), 0,
            "MiB of packets waiting for a crypto worker; when full, the node stops reading from peers. 0 = a twelfth of the Java heap.",
            c -> c.limits().ingressQueueMib());
    public static final ConfigKey<Integer> LIMIT_EGRESS_QUEUE_MIB = key("limits", "egress_queue_mib", integer(0, 4096), 0,
            "MiB that packets waiting for next hops may take, all together; when full, the next hop holding most gives up its oldest. 0 = a twelfth of the Java heap.",
            c -> c.limits().egressQueueMib());
    public static final ConfigKey<Integer> LIMIT_EGRESS_QUEUE_PER_PEER_KIB = key("limits", "egress_queue_per_peer_kib", integer(64, 1_048_576), 4900,
            "KiB that packets waiting for one next hop may take, while its link connects too; beyond it the oldest are dropped. 4900 holds 2000 regular packets, as nym-node buffers per connection.",
            c -> c.limits().egressQueuePerPeerKib());
    public static final ConfigKey<Duration> LIMIT_EGRESS_MAX_AGE = key("limits", "egress_max_age", duration(Duration.ofMillis(100), Duration.ofMinutes(10)),
            Duration.ofSeconds(20), "Packets waiting this long for a next hop (unreachable or not reading) are dropped.",
            c -> c.limits().egressMaxAge());
    // --- end of memory budget keys ---

    static {
        section("replay", "Replay protection: one Bloom filter per Sphinx key, made with the key and deleted with it, sized as\n"
                + "nym-node sizes it (rate x key lifetime at false_positive_rate; 3 bytes per tag at 1e-5) but never above\n"
                + "max_filter_mib (at most two filters exist at once). Saved to <data_dir>/replay/ every save_interval and at\n"
                + "shutdown; tags accepted in between go to a journal fsynced every journal_interval, so a crash or power\n"
                + "cut reopens at most that much.");
    }
    public static final ConfigKey<Integer> REPLAY_EXPECTED_RATE = key("replay", "expected_rate", integer(1, 1_000_000), 100,
            "Packets per second this node expects; a filter made at start is sized for it (at least 200/s, nym-node's floor), later ones for the measured rate.",
            c -> c.replay().expectedRate());
    public static final ConfigKey<Duration> REPLAY_KEY_LIFETIME = key("replay", "key_lifetime", duration(Duration.ofMinutes(1), Duration.ofDays(30)),
            Duration.ofHours(24), "How long one Sphinx key stays in use while no rotation schedule is known from nym-api (with one, (validity_epochs + 1) x epoch).",
            c -> c.replay().keyLifetime());
    public static final ConfigKey<Double> REPLAY_FALSE_POSITIVE_RATE = key("replay", "false_positive_rate", decimal(1e-12, 1e-3), 1e-5,
            "Chance that a new packet is mistaken for a replay, at full capacity (nym-node: 1e-5).", c -> c.replay().falsePositiveRate());
    public static final ConfigKey<Duration> REPLAY_SAVE_INTERVAL = key("replay", "save_interval", duration(Duration.ofSeconds(1), Duration.ofDays(1)),
            Duration.ofMinutes(30), "How often the filters are saved whole (the journal covers the time in between; more often wears an SD card faster).",
            c -> c.replay().saveInterval());
    public static final ConfigKey<Integer> REPLAY_MAX_FILTER_MIB = key("replay", "max_filter_mib", integer(1, 8192), 64,
            "Memory cap of one filter in MiB (64 holds nym-node's minimum of 200 packets/s for 25 h; raise it on a busier node with RAM to spare).",
            c -> c.replay().maxFilterMib());
    public static final ConfigKey<Duration> REPLAY_JOURNAL_INTERVAL = key("replay", "journal_interval", duration(Duration.ofMillis(100), Duration.ofMinutes(1)),
            Duration.ofSeconds(1), "How often accepted replay tags are written and fsynced (the most a crash can reopen; 16 bytes per packet).",
            c -> c.replay().journalInterval());

    static {
        section("api", "The public node API (nym-node compatible /api/v1) and the Prometheus endpoint.");
    }
    public static final ConfigKey<String> API_BIND_HOST = key("api", "bind_host", pattern("an IP address", HOST, 253), "::",
            "Address the API listens on (--dev: 127.0.0.1).", c -> c.api().bindHost());
    public static final ConfigKey<Integer> API_PORT = key("api", "port", integer(1, 65535), 8080,
            "API port (flag --api-port). Nym's default is 8080.", c -> c.api().port());
    public static final ConfigKey<String> API_METRICS_TOKEN = key("api", "metrics_token", text(200), "",
            "Bearer token for /api/v1/metrics/prometheus; empty turns that endpoint off.", c -> c.api().metricsToken());
    public static final ConfigKey<Boolean> API_EXPOSE_SYSTEM_INFO = key("api", "expose_system_info", bool(), false,
            "Serve CPU, memory and OS details at /api/v1/system-info (403 when false). Off on this privacy box: nym-api\n"
            + "does not read it (nym-api/src/node_describe_cache), so it only tells strangers what the box is; nym-node's default is on.",
            c -> c.api().exposeSystemInfo());

    static {
        section("admin", "The setup page, for the local network only.");
    }
    public static final ConfigKey<String> ADMIN_BIND_HOST = key("admin", "bind_host", pattern("an IP address", HOST, 253), "::",
            "Address the setup page listens on (--dev: 127.0.0.1).", c -> c.admin().bindHost());
    public static final ConfigKey<Integer> ADMIN_PORT = key("admin", "port", integer(1, 65535), 8443,
            "Setup page port (flag --admin-port).", c -> c.admin().port());
    public static final ConfigKey<Boolean> ADMIN_TLS = key("admin", "tls", bool(), false,
            "Serve the setup page over HTTPS with the box's own self-signed certificate (made at first start, kept in\n"
            + "<data_dir>; its SHA-256 fingerprint is logged so you can check it when the browser asks).",
            c -> c.admin().tls());

    static {
        section("mqtt", "Telemetry to your own MQTT broker (Home Assistant discovery).");
    }
    public static final ConfigKey<Boolean> MQTT_ENABLED = key("mqtt", "enabled", bool(), false,
            "Publish telemetry (flag --mqtt URL turns it on).", c -> c.mqtt().enabled());
    public static final ConfigKey<String> MQTT_URL = key("mqtt", "url", url("tcp", "ssl", "mqtt", "mqtts"), "",
            "Broker, e.g. \"tcp://192.168.1.10:1883\" or \"ssl://broker.lan:8883\".", c -> c.mqtt().url());
    public static final ConfigKey<String> MQTT_USERNAME = key("mqtt", "username", text(200), "",
            "Broker user name, if the broker asks for one.", c -> c.mqtt().username());
    public static final ConfigKey<String> MQTT_PASSWORD = key("mqtt", "password", text(200), "",
            "Broker password (this file is kept readable by its owner only).", c -> c.mqtt().password());
    public static final ConfigKey<Boolean> MQTT_TLS = key("mqtt", "tls", bool(), false,
            "Use TLS (implied by ssl:// and mqtts:// URLs).", c -> c.mqtt().tls());
    public static final ConfigKey<String> MQTT_TOPIC_PREFIX = key("mqtt", "topic_prefix", pattern("topic characters (letters, digits, _ - /)", TOPIC, 100),
            "masknode", "The node's own topics are <topic_prefix>/<node id>/... (state, availability, command, event).",
            c -> c.mqtt().topicPrefix());
    public static final ConfigKey<String> MQTT_DISCOVERY_PREFIX = key("mqtt", "discovery_prefix", pattern("topic characters (letters, digits, _ - /)", TOPIC, 100),
            "homeassistant", "Home Assistant discovery prefix.", c -> c.mqtt().discoveryPrefix());
    public static final ConfigKey<Duration> MQTT_INTERVAL = key("mqtt", "interval", duration(Duration.ofSeconds(1), Duration.ofHours(1)),
            Duration.ofSeconds(30), "How often telemetry is published (30 s unless set; entities expire after three missed intervals).",
            c -> c.mqtt().interval());
    public static final ConfigKey<String> MQTT_CA_FILE = key("mqtt", "ca_file", text(4096), "",
            "PEM file of the CA that signed the broker's certificate (e.g. a LAN Mosquitto's own CA); \"\" = the system's trusted CAs.\n"
            + "Only with an ssl:// or mqtts:// URL.", c -> c.mqtt().caFile());
    public static final ConfigKey<String> MQTT_CLIENT_CERTIFICATE = key("mqtt", "client_certificate", text(4096), "",
            "PEM client certificate for brokers that ask for one (mutual TLS); set together with client_key.",
            c -> c.mqtt().clientCertificate());
    public static final ConfigKey<String> MQTT_CLIENT_KEY = key("mqtt", "client_key", text(4096), "",
            "PEM private key (unencrypted) of the client certificate; keep the file readable by the node only.",
            c -> c.mqtt().clientKey());

    static {
        section("led", "The status LEDs.");
    }
    public static final ConfigKey<Boolean> LED_ENABLED = key("led", "enabled", bool(), true,
            "Light the LEDs at all.", c -> c.led().enabled());
    public static final ConfigKey<Integer> LED_BRIGHTNESS = key("led", "brightness", integer(0, 100), 60,
            "LED brightness in percent.", c -> c.led().brightness());

    static {
        section("board", "How the box is wired: its button and any lights on GPIO pins, by BCM number (the GPIOn in pinout\n"
                + "diagrams, not the physical pin number). Every pin may be used once. With --dev none of this is touched.");
    }
    public static final ConfigKey<Boolean> BOARD_ONBOARD_LEDS = key("board", "onboard_leds", bool(), true,
            "Use the Raspberry Pi's own green (ACT) and red (PWR) lights for the status.", c -> c.board().onboardLeds());
    public static final ConfigKey<Integer> BOARD_BUTTON_BCM = key("board", "button_bcm", gpioPin(), -1,
            "GPIO of the push button; -1 = no button. A short press confirms a claim from the setup page;\n"
            + "holding it 10 s resets the box to factory settings.", c -> c.board().buttonBcm());
    public static final ConfigKey<Boolean> BOARD_BUTTON_ACTIVE_LOW = key("board", "button_active_low", bool(), true,
            "true when the button connects the pin to ground (the internal pull-up is used); false when it connects to 3.3 V.",
            c -> c.board().buttonActiveLow());
    public static final ConfigKey<Integer> BOARD_STATUS_LED_BCM = key("board", "status_led_bcm", gpioPin(), -1,
            "GPIO of an extra green status light (on/off); -1 = none.", c -> c.board().statusLedBcm());
    public static final ConfigKey<Integer> BOARD_ALERT_LED_BCM = key("board", "alert_led_bcm", gpioPin(), -1,
            "GPIO of an extra red alert light (on/off); -1 = none.", c -> c.board().alertLedBcm());
    public static final ConfigKey<String> BOARD_RGB_LED = key("board", "rgb_led", gpioTriple(), "",
            "GPIOs of a colour light's red, green and blue legs, e.g. \"5,6,26\"; \"\" = none. Driven on/off\n"
            + "(no dimming), so mixed colours such as amber show as their full-on legs.", c -> c.board().rgbLed());

    static {
        section("crypto", "Which implementation the Sphinx engine (and the Noise links' AES-GCM) uses for each primitive. \"auto\" (the default) measures\n"
                + "the correct ones at first start and caches the fastest in <data_dir>; name one to force it:\n"
                + "\"bc\" (BouncyCastle), \"jca\" (the JDK), \"sodium\" (libsodium) or \"openssl\" (libcrypto), the last two through FFM.");
    }
    public static final ConfigKey<String> CRYPTO_X25519 = cryptoKey("x25519", "Both X25519 roles at once.", c -> c.crypto().x25519());
    public static final ConfigKey<String> CRYPTO_X25519_DH = cryptoKey("x25519-dh", "X25519 with the node key.", c -> c.crypto().x25519Dh());
    public static final ConfigKey<String> CRYPTO_X25519_BLIND = cryptoKey("x25519-blind", "X25519 blinding of the next alpha.", c -> c.crypto().x25519Blind());
    public static final ConfigKey<String> CRYPTO_HKDF = cryptoKey("hkdf", "HKDF-SHA256.", c -> c.crypto().hkdf());
    public static final ConfigKey<String> CRYPTO_AES_CTR = cryptoKey("aes-ctr", "AES-128-CTR (header).", c -> c.crypto().aesCtr());
    public static final ConfigKey<String> CRYPTO_HMAC = cryptoKey("hmac", "HMAC-SHA256 (header MAC).", c -> c.crypto().hmac());
    public static final ConfigKey<String> CRYPTO_CHACHA20 = cryptoKey("chacha20", "ChaCha20 (payload, Lioness).", c -> c.crypto().chacha20());
    public static final ConfigKey<String> CRYPTO_BLAKE2B = cryptoKey("blake2b", "Keyed BLAKE2b (payload, Lioness).", c -> c.crypto().blake2b());
    public static final ConfigKey<String> CRYPTO_AES_GCM = cryptoKey("aes-gcm", "AES-256-GCM of the Noise links between nodes (not \"sodium\").", c -> c.crypto().aesGcm());

    private static ConfigKey<String> cryptoKey(String name, String doc, Function<NodeConfig, String> reader) {
        return key("crypto", name, choice("auto", "bc", "jca", "sodium", "openssl"), "auto", doc, reader);
    }

    private ConfigSchema() {}

    private static void section(String name, String doc) {
        SECTIONS.put(name, doc);
    }

    private static <T> ConfigKey<T> key(String section, String name, ValueType<T> type, T defaultValue, String doc,
                                        Function<NodeConfig, T> reader) {
        ConfigKey<T> k = new ConfigKey<>(section, name, type, defaultValue, doc, reader);
        k.parse(defaultValue instanceof Integer i ? (Object) (long) i
                : defaultValue instanceof Duration d ? ValueType.text(d) : defaultValue);  // defaults must be valid
        KEYS.add(k);
        return k;
    }

    /** Every key, in file order. */
    public static List<ConfigKey<?>> keys() {
        return Collections.unmodifiableList(KEYS);
    }

    /** Section names with their documentation, in file order. */
    public static Map<String, String> sections() {
        return Collections.unmodifiableMap(SECTIONS);
    }

    /** The key at {@code section.name}, or null. */
    public static ConfigKey<?> find(String path) {
        for (ConfigKey<?> k : KEYS) if (k.path().equals(path)) return k;
        return null;
    }

}
