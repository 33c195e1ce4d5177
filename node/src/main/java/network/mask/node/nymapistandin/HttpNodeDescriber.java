package network.mask.node.nymapistandin;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import network.mask.node.keys.Base58;
import network.mask.node.nymapistandin.HostInformationModel.SignedHostInformation;
import network.mask.node.nymapistandin.NodeRouteModels.AuxiliaryDetails;
import network.mask.node.nymapistandin.NodeRouteModels.BuildInformation;
import network.mask.node.nymapistandin.NodeRouteModels.NodeHealth;
import network.mask.node.nymapistandin.NodeRouteModels.NodeRoles;
import network.mask.node.nymapistandin.NodeRouteModels.ServiceProvider;
import network.mask.node.nymapistandin.NodeRouteModels.UsedExitPolicy;
import network.mask.node.nymapistandin.NodeRouteModels.WebSockets;
import network.mask.node.nymapistandin.NodeRouteModels.Wireguard;
import network.mask.node.nymapistandin.StrictJson.ModelException;

/**
 * Describes a node over HTTP exactly as nym-api's describe cache does
 * ({@code nym-api/src/node_describe_cache/refresh.rs} {@code try_get_description} and
 * {@code query_helpers.rs} {@code query_for_described_data}):
 * <ol>
 *   <li>{@code health} must parse and say {@code "up"};</li>
 *   <li>{@code host-information} must parse, carry the expected identity (when one is given), verify
 *       ({@link HostInformationSignature}) and, unless all addresses are allowed (nym-api's
 *       {@code debug.allow_illegal_ips}, a local network), announce no unspecified, loopback or
 *       multicast address ({@code HostInformation::check_ips});</li>
 *   <li>then, at the same time: {@code build-information}, {@code roles} and
 *       {@code gateway/client-interfaces/mixnet-websockets} are required; {@code auxiliary-details}
 *       falls back to defaults; {@code network-requester} (and then its {@code exit-policy}, which is
 *       then required), {@code ip-packet-router}, {@code authenticator},
 *       {@code gateway/client-interfaces/wireguard} and {@code lewes-protocol} are optional.</li>
 * </ol>
 * Each request has nym-api's 5 s timeout; an answer is capped at 1 MiB.
 */
public final class HttpNodeDescriber implements NodeDescriber, AutoCloseable {

    /** nym-api's per-request timeout ({@code refresh.rs}). */
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** nym's default mix port, used when auxiliary details announce none ({@code described/v2.rs mix_port()}). */
    static final int DEFAULT_MIX_PORT = 1789;
    /** {@code DEFAULT_NYM_NODE_HTTP_PORT} ({@code common/network-defaults}). */
    static final int DEFAULT_HTTP_PORT = 8080;
    private static final int MAX_BODY = 1 << 20;
    private static final String USER_AGENT = "masknode-nym-api-stand-in";

    private final HttpClient http;
    private final boolean allowAllIps;

    /** @param allowAllIps accept loopback and other addresses nym-api refuses (local networks and tests only) */
    public HttpNodeDescriber(boolean allowAllIps) {
        this.allowAllIps = allowAllIps;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public DescribedNode describe(URI apiBase) throws DescribeException {
        return describeFully(apiBase, Optional.empty()).summary();
    }

    /** As {@link #describe}, refusing a node whose identity is not {@code expectedIdentity} (base58), as nym-api does. */
    public DescribedNode describe(URI apiBase, String expectedIdentity) throws DescribeException {
        return describeFully(apiBase, Optional.of(expectedIdentity)).summary();
    }

    /**
     * Describes a bonded node from its contract entry as nym-api does ({@code try_get_client} in
     * {@code refresh.rs}): the bases {@code http://host:<custom_http_port>} (when bonded with one),
     * {@code http://host:8080}, {@code https://host} and {@code http://host} are tried in that order,
     * and the first whose {@code health} says {@code "up"} is described.
     */
    public DescribedNode describeHost(String host, OptionalInt customHttpPort, String expectedIdentity) throws DescribeException {
        List<URI> bases = new ArrayList<>();
        try {
            customHttpPort.ifPresent(p -> bases.add(URI.create("http://" + host + ":" + p + "/")));
            bases.add(URI.create("http://" + host + ":" + DEFAULT_HTTP_PORT + "/"));
            bases.add(URI.create("https://" + host + "/"));
            bases.add(URI.create("http://" + host + "/"));
        } catch (IllegalArgumentException e) {
            throw new DescribeException("malformed host " + host + " (nym-api: MalformedHost)", e);
        }
        for (URI base : bases) {
            if (base.getHost() == null) throw new DescribeException("malformed host " + host + " (nym-api: MalformedHost)");
            Answer health = await(get(base, "health"));
            if (optional(health, NodeHealth::parse).isPresent()) return describe(base, expectedIdentity);
        }
        throw new DescribeException("no base of " + host + " answered health with \"up\" (nym-api: NoHttpPortsAvailable)");
    }

    /** Every route's parsed answer. */
    NodeDescription describeFully(URI apiBase, Optional<String> expectedIdentity) throws DescribeException {
        NodeHealth health = required(apiBase, "health", NodeHealth::parse);
        SignedHostInformation host = required(apiBase, "host-information", HostInformationModel::parse);
        String identity = Base58.encode(host.data().keys().ed25519Identity());
        if (expectedIdentity.isPresent() && !expectedIdentity.get().equals(identity)) {
            throw new DescribeException("host-information: identity " + identity + " is not the bonded identity "
                    + expectedIdentity.get() + " (nym-api: MismatchedIdentity)");
        }
        if (!HostInformationSignature.verify(host)) {
            throw new DescribeException("host-information: the signature does not verify with keys.ed25519_identity "
                    + identity + " (nym-api: MissignedHostInformation)");
        }
        if (!allowAllIps) checkIps(host.data().ipAddresses());

        CompletableFuture<Answer> build = get(apiBase, "build-information");
        CompletableFuture<Answer> roles = get(apiBase, "roles");
        CompletableFuture<Answer> aux = get(apiBase, "auxiliary-details");
        CompletableFuture<Answer> websockets = get(apiBase, "gateway/client-interfaces/mixnet-websockets");
        CompletableFuture<Answer> nr = get(apiBase, "network-requester");
        CompletableFuture<Answer> ipr = get(apiBase, "ip-packet-router");
        CompletableFuture<Answer> authenticator = get(apiBase, "authenticator");
        CompletableFuture<Answer> wireguard = get(apiBase, "gateway/client-interfaces/wireguard");
        CompletableFuture<Answer> lewes = get(apiBase, "lewes-protocol");

        BuildInformation buildInformation = parse("build-information", await(build), BuildInformation::parse);
        NodeRoles nodeRoles = parse("roles", await(roles), NodeRoles::parse);
        WebSockets ws = parse("gateway/client-interfaces/mixnet-websockets", await(websockets), WebSockets::parse);
        Optional<AuxiliaryDetails> served = optional(await(aux), AuxiliaryDetails::parse);
        AuxiliaryDetails auxiliary = served.orElse(AuxiliaryDetails.DEFAULT);
        Optional<ServiceProvider> networkRequester = optional(await(nr), ServiceProvider::parse);
        if (networkRequester.isPresent()) {
            // nym-api: once a network requester answers, its exit policy must answer too.
            parse("network-requester/exit-policy", await(get(apiBase, "network-requester/exit-policy")), UsedExitPolicy::parse);
        }
        Optional<ServiceProvider> router = optional(await(ipr), ServiceProvider::parse);
        Optional<ServiceProvider> auth = optional(await(authenticator), ServiceProvider::parse);
        Optional<Wireguard> wg = optional(await(wireguard), Wireguard::parse);
        boolean lewesServed = await(lewes).status() == 200;

        var keys = host.data().keys();
        DescribedNode summary = new DescribedNode(identity, host.data().ipAddresses(), host.data().hostname(),
                auxiliary.mixPort().orElse(DEFAULT_MIX_PORT),
                new DescribedNode.AnnouncedKey(keys.primary().rotationId(), Base58.encode(keys.primary().publicKey())),
                keys.preAnnounced().map(k -> new DescribedNode.AnnouncedKey(k.rotationId(), Base58.encode(k.publicKey()))),
                keys.noise().map(n -> Base58.encode(n.x25519PublicKey())),
                nodeRoles.mixnodeEnabled(), buildInformation.binaryName(), buildInformation.buildVersion(),
                auxiliary.acceptedOperatorTermsAndConditions());
        return new NodeDescription(health, host, buildInformation, nodeRoles, auxiliary, served.isPresent(), ws,
                networkRequester, router, auth, wg, lewesServed, summary);
    }

    /** Ends the HTTP client's threads and connections. */
    @Override
    public void close() {
        http.close();
    }

    /** {@code HostInformation::check_ips}: no unspecified, loopback or multicast address. */
    private static void checkIps(List<String> ips) throws DescribeException {
        for (String ip : ips) {
            java.net.InetAddress a;
            try {
                a = RustIpAddr.parse(ip, "ip_address");
            } catch (ModelException e) {
                throw new DescribeException("host-information: " + e.getMessage());
            }
            if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isMulticastAddress()) {
                throw new DescribeException("host-information: announces " + ip
                        + ", an unspecified, loopback or multicast address (nym-api: IllegalIpAddress)");
            }
        }
    }

    private interface Parser<T> {
        T parse(String body) throws ModelException;
    }

    /** One route's answer: status and body, or why there was none. */
    private record Answer(String route, int status, String body, String failure) {}

    private <T> T required(URI base, String route, Parser<T> parser) throws DescribeException {
        return parse(route, await(get(base, route)), parser);
    }

    private static <T> T parse(String route, Answer a, Parser<T> parser) throws DescribeException {
        if (a.failure() != null) throw new DescribeException(route + ": " + a.failure());
        if (a.status() != 200) throw new DescribeException(route + ": HTTP " + a.status() + " " + abbreviate(a.body()));
        try {
            return parser.parse(a.body());
        } catch (ModelException e) {
            throw new DescribeException(route + ": " + e.getMessage());
        }
    }

    /** nym-api's {@code .ok()}: any failure, status or shape error is "not there". */
    private static <T> Optional<T> optional(Answer a, Parser<T> parser) {
        if (a.failure() != null || a.status() != 200) return Optional.empty();
        try {
            return Optional.of(parser.parse(a.body()));
        } catch (ModelException e) {
            return Optional.empty();
        }
    }

    private CompletableFuture<Answer> get(URI base, String route) {
        URI uri = base.resolve("/api/v1/" + route);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("User-Agent", USER_AGENT)
                .header("Accept", "application/json").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(r -> {
                    try (InputStream in = r.body()) {
                        byte[] bytes = in.readNBytes(MAX_BODY + 1);
                        if (bytes.length > MAX_BODY) return new Answer(route, r.statusCode(), "", "answer larger than 1 MiB");
                        return new Answer(route, r.statusCode(), new String(bytes, StandardCharsets.UTF_8), null);
                    } catch (IOException e) {
                        return new Answer(route, r.statusCode(), "", "reading the answer failed: " + e.getMessage());
                    }
                })
                .exceptionally(e -> new Answer(route, 0, "", "request failed: " + describe(e)));
    }

    private static Answer await(CompletableFuture<Answer> f) throws DescribeException {
        try {
            // The request timeout covers the wait for headers; this bounds a body that trickles in.
            return f.get(TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new DescribeException("a route did not answer within " + TIMEOUT.multipliedBy(2).toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DescribeException("interrupted");
        } catch (ExecutionException e) {
            throw new DescribeException("request failed: " + describe(e.getCause()));
        }
    }

    private static String describe(Throwable e) {
        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }
}
