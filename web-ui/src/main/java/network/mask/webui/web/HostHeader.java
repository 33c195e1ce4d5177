package network.mask.webui.web;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Refuses requests whose Host is a name we do not answer to. A malicious site can point its own
 * DNS name at the box's LAN address (DNS rebinding) and then talk to the page as "same origin";
 * the Host header still carries the attacker's name, so checking it defeats the trick.
 */
final class HostHeader {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-fA-F:.%a-zA-Z]+]");

    private final List<String> extraNames;

    HostHeader(List<String> extraNames) {
        this.extraNames = extraNames.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    boolean allowed(String authority) {
        if (authority == null || authority.isEmpty()) {
            return false;
        }
        String host = stripPort(authority.toLowerCase(Locale.ROOT));
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return IPV4.matcher(host).matches()
                || IPV6.matcher(host).matches()
                || host.equals("localhost")
                || (host.endsWith(".local") && host.length() > ".local".length())
                || extraNames.contains(host);
    }

    private static String stripPort(String authority) {
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            return close < 0 ? authority : authority.substring(0, close + 1);
        }
        int colon = authority.lastIndexOf(':');
        return colon < 0 ? authority : authority.substring(0, colon);
    }
}
