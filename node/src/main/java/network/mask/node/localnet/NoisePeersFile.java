package network.mask.node.localnet;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import network.mask.node.keys.Base58;
import network.mask.node.noise.VersionedNoiseKey;
import network.mask.node.storage.AtomicFiles;

/**
 * The local mixnet's topology of Noise keys (with {@code --noise}): what nym-api's node list tells a
 * real node, written by the driver into each node's data directory and loaded by {@link LocalnetNode}.
 * One line per node: {@code <ip>:<mix port> <base58 Noise key>}.
 */
final class NoisePeersFile {

    static final String NAME = "noise-peers.txt";

    private NoisePeersFile() {}

    static void write(Path dataDir, Map<InetSocketAddress, VersionedNoiseKey> peers) throws IOException {
        StringBuilder sb = new StringBuilder("# the local mixnet's nodes and their Noise keys (masknode localnet --noise)\n");
        peers.forEach((a, k) -> sb.append(a.getAddress().getHostAddress()).append(':').append(a.getPort())
                .append(' ').append(k.publicKeyBase58()).append('\n'));
        AtomicFiles.write(dataDir.resolve(NAME), sb.toString().getBytes(StandardCharsets.UTF_8), AtomicFiles.OWNER_WRITE);
    }

    /** The peers in {@code dataDir}, or an empty map when the file is not there (no --noise). */
    static Map<InetSocketAddress, VersionedNoiseKey> read(Path dataDir) throws IOException {
        Path file = dataDir.resolve(NAME);
        Map<InetSocketAddress, VersionedNoiseKey> out = new LinkedHashMap<>();
        if (!Files.exists(file)) return out;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            String[] parts = t.split("\\s+");
            int colon = parts[0].lastIndexOf(':');
            if (parts.length != 2 || colon < 0) throw new IOException(file + ": not '<ip>:<port> <key>': " + t);
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(parts[0].substring(0, colon)),
                    Integer.parseInt(parts[0].substring(colon + 1)));
            out.put(address, new VersionedNoiseKey(1, Base58.decode(parts[1])));
        }
        return out;
    }
}
