package network.mask.webui.validation;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses host fields without ever touching DNS: IPv4 and IPv6 literals and RFC 1123 names. */
public final class HostNames {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern DOTTED = Pattern.compile("[0-9.]+");
    private static final Pattern V6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");

    private HostNames() {
    }

    /** A parsed host: exactly one of {@code address} or {@code name} is set. */
    public record Host(Optional<InetAddress> address, String text) {
        /** How to write it inside a URL ({@code [v6]}). */
        public String forUrl() {
            return address.filter(a -> a instanceof Inet6Address).isPresent() ? "[" + text + "]" : text;
        }
    }

    /** The parsed host, or a message why not. */
    public sealed interface Parsed permits Ok, Bad {
    }

    public record Ok(Host host) implements Parsed {
    }

    public record Bad(String message) implements Parsed {
    }

    public static Parsed parse(String raw) {
        String s = raw.strip();
        if (s.length() > 253) {
            return new Bad("A host name is at most 253 characters.");
        }
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (DOTTED.matcher(s).matches()) {
            return ipv4(s);
        }
        if (s.indexOf(':') >= 0) {
            return ipv6(s);
        }
        return name(s);
    }

    private static Parsed ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return new Bad("'" + s + "' is not a valid IPv4 address (it needs four numbers separated by dots).");
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0') || Integer.parseInt(p) > 255) {
                return new Bad("'" + s + "' is not a valid IPv4 address (each number is 0 to 255, without leading zeros).");
            }
            b[i] = (byte) Integer.parseInt(p);
        }
        try {
            return new Ok(new Host(Optional.of(InetAddress.getByAddress(b)), s));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Parsed ipv6(String s) {
        if (!V6_CHARS.matcher(s).matches()) {
            return new Bad("'" + s + "' is not a valid IPv6 address. To give a port, use the port field.");
        }
        try {
            // Only hex digits, ':' and '.' got here, so this parses a literal and never asks DNS.
            InetAddress a = InetAddress.getByName(s);
            if (!(a instanceof Inet6Address)) {
                return new Bad("Write IPv4 addresses in the usual dotted form, e.g. 203.0.113.7.");
            }
            return new Ok(new Host(Optional.of(a), compressed(a.getAddress())));
        } catch (UnknownHostException e) {
            return new Bad("'" + s + "' is not a valid IPv6 address. To give a port, use the port field.");
        }
    }

    private static Parsed name(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        if (lower.isEmpty()) {
            return new Bad("Enter a host name or IP address.");
        }
        for (String label : lower.split("\\.", -1)) {
            if (label.isEmpty()) {
                return new Bad("'" + s + "' has an empty part between dots.");
            }
            if (label.length() > 63) {
                return new Bad("Each part of a host name is at most 63 characters.");
            }
            if (!LABEL.matcher(label).matches()) {
                return new Bad("'" + s + "' is not a valid host name: use letters, digits and hyphens, "
                        + "with dots between the parts and no hyphen at the start or end of a part.");
            }
        }
        return new Ok(new Host(Optional.empty(), lower));
    }

    /** RFC 5952 text: lower case, no leading zeros, the longest run of two or more zero groups as "::". */
    static String compressed(byte[] v6) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = ((v6[2 * i] & 0xff) << 8) | (v6[2 * i + 1] & 0xff);
        int bestStart = -1;
        int bestLength = 1;   // a single zero group stays "0"
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
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
