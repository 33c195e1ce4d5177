package network.mask.node.announce;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Linux's IPv6 address flags from {@code /proc/net/if_inet6} (one line per address: 32 hex digits,
 * interface index, prefix length, scope, flags, name). Temporary (privacy) addresses change every
 * day or so and deprecated, tentative or duplicate ones are not usable: none of them may be
 * announced, or peers would be sent to an address that is gone tomorrow.
 */
final class Ipv6AddressFlags {

    static final int TEMPORARY = 0x01;
    static final int DAD_FAILED = 0x08;
    static final int DEPRECATED = 0x20;
    static final int TENTATIVE = 0x40;
    private static final int NOT_ANNOUNCEABLE = TEMPORARY | DAD_FAILED | DEPRECATED | TENTATIVE;

    private Ipv6AddressFlags() {}

    /** The addresses in the file's lines that must not be announced; malformed lines are skipped. */
    static Set<InetAddress> notAnnounceable(List<String> lines) {
        Set<InetAddress> out = new HashSet<>();
        for (String line : lines) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 6 || f[0].length() != 32) continue;
            try {
                int flags = Integer.parseInt(f[4], 16);
                if ((flags & NOT_ANNOUNCEABLE) != 0) out.add(InetAddress.getByAddress(HexFormat.of().parseHex(f[0])));
            } catch (IllegalArgumentException | UnknownHostException malformed) {
                // not an address line we understand: nothing to exclude
            }
        }
        return out;
    }
}
