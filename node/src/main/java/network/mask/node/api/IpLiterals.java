package network.mask.node.api;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.regex.Pattern;

/**
 * IP address text as Rust's {@code Display} for {@code IpAddr} writes it (RFC 5952 for v6: lower
 * case, no leading zeros, the longest run of two or more zero groups as "::"). nym-api parses the
 * signed host information into {@code IpAddr} and writes it again before checking the signature,
 * so only this form round-trips. Parsing never touches DNS.
 */
final class IpLiterals {

    private static final Pattern DOTTED_QUAD =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    private IpLiterals() {}

    /** @throws IllegalArgumentException if {@code literal} is not a plain IP address */
    static String canonical(String literal) {
        if (literal == null || literal.isBlank() || literal.contains("%")) {
            throw new IllegalArgumentException("not a public IP address literal (no host names or scope ids): " + literal);
        }
        String s = literal.strip();
        if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
        if (!s.contains(":") && !DOTTED_QUAD.matcher(s).matches()) {
            // Java also reads "1.2.3" and "010.1.1.1"; Rust does not, and a typo must not become another address.
            throw new IllegalArgumentException("not an IP address literal (IPv4 must be dotted-quad): " + literal);
        }
        InetAddress address;
        try {
            address = InetAddress.ofLiteral(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an IP address literal: " + literal, e);
        }
        // Java turns ::ffff:a.b.c.d into an Inet4Address; the dotted form round-trips in Rust as well.
        if (address instanceof Inet4Address v4) return v4.getHostAddress();
        return v6((Inet6Address) address);
    }

    private static String v6(Inet6Address address) {
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && groups[i] == 0) i++;
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        if (bestLength < 2) bestStart = -1;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }
}
