package network.mask.node.nymapistandin;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.regex.Pattern;
import network.mask.node.nymapistandin.StrictJson.ModelException;

/**
 * Rust's {@code std::net::IpAddr}: parsed as its {@code FromStr} accepts it (IPv4 strictly
 * dotted-quad without leading zeros; IPv6 without brackets or zone), and written back as its
 * {@code Display} writes it (lower-case IPv6, the first longest run of two or more zero groups as
 * {@code ::}, IPv4-mapped addresses as {@code ::ffff:a.b.c.d}). nym-api verifies the host-information
 * signature over this re-written text, so this is what a signature must cover.
 */
final class RustIpAddr {

    private static final Pattern V4 = Pattern.compile("(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}");
    private static final Pattern V6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private RustIpAddr() {}

    static String parseAndDisplay(String text, String field) throws ModelException {
        return display(parse(text, field), text.contains(":"));
    }

    static InetAddress parse(String text, String field) throws ModelException {
        boolean v6 = text.contains(":");
        if (!(v6 ? V6_CHARS.matcher(text).matches() : V4.matcher(text).matches())) {
            throw new ModelException(field + ": invalid IP address syntax: " + text);
        }
        try {
            return InetAddress.ofLiteral(text);
        } catch (IllegalArgumentException e) {
            throw new ModelException(field + ": invalid IP address syntax: " + text);
        }
    }

    /** {@code writtenAsV6}: Java turns IPv4-mapped IPv6 text into an IPv4 address; Rust keeps it IPv6. */
    static String display(InetAddress address, boolean writtenAsV6) {
        if (address instanceof Inet4Address v4) {
            return writtenAsV6 ? "::ffff:" + v4.getHostAddress() : v4.getHostAddress();
        }
        byte[] b = address.getAddress();
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        int bestStart = -1;
        int bestLength = 1;   // a single zero group stays "0"
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && g[i] == 0) i++;
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
