package network.mask.webui.validation;

import java.util.Locale;
import java.util.function.Function;

import network.mask.webui.spi.LedSettings;
import network.mask.webui.spi.MqttSettings;
import network.mask.webui.spi.NodeSettings;

/**
 * Server-side checks for every field of the setup wizard. Each method takes the raw form values,
 * records one precise message per bad field, and returns the normalised settings only when
 * every field is good, so invalid input never reaches {@code NodeSettingsStore.apply}.
 */
public final class SettingsValidator {

    // These equal the node's config limits (node.name, node.description, mqtt.username, mqtt.password) and count
    // what the config counts: UTF-16 units, the unit of a browser's maxlength too. Form and config never disagree.
    public static final int NAME_MAX = 50;
    public static final int DESCRIPTION_MAX = 500;
    public static final int MQTT_USER_MAX = 200;
    public static final int MQTT_PASSWORD_MAX = 200;
    public static final int HOST_MAX = 253;

    private final int adminPort;
    private final boolean allowHomeAddresses;

    /**
     * @param adminPort          the setup page's own port, which the node may not announce
     * @param allowHomeAddresses dev mode: accept loopback and LAN hosts as the public host
     */
    public SettingsValidator(int adminPort, boolean allowHomeAddresses) {
        this.adminPort = adminPort;
        this.allowHomeAddresses = allowHomeAddresses;
    }

    /** Name and description. */
    public NodeSettings identity(NodeSettings current, Function<String, String> form, FieldErrors errors) {
        String name = strip(form.apply("name"));
        if (name.isEmpty()) {
            errors.add("name", "Give your node a name.");
        } else if (name.length() > NAME_MAX) {
            errors.add("name", "The name is at most " + NAME_MAX + " characters (this one has " + name.length() + ").");
        } else if (TextRules.firstControl(name, false) >= 0) {
            errors.add("name", "The name cannot contain line breaks or control characters.");
        }
        // One paragraph: the public description is one line in nym's API and in the config file.
        String description = strip(strip(form.apply("description")).replace("\r\n", " ").replace('\r', ' ').replace('\n', ' '));
        if (description.length() > DESCRIPTION_MAX) {
            errors.add("description", "The description is at most " + DESCRIPTION_MAX + " characters (this one has "
                    + description.length() + ").");
        } else if (TextRules.firstControl(description, true) >= 0) {
            errors.add("description", "The description cannot contain control characters.");
        }
        return errors.isEmpty() ? current.withIdentity(name, description) : null;
    }

    /** Public host and the two announced ports. */
    public NodeSettings network(NodeSettings current, Function<String, String> form, FieldErrors errors) {
        String host = publicHost(form.apply("publicHost"), errors);
        int mix = port("mixPort", "Mix port", form.apply("mixPort"), errors);
        int api = port("apiPort", "API port", form.apply("apiPort"), errors);
        if (mix > 0 && api > 0 && mix == api) {
            errors.add("apiPort", "The API port must differ from the mix port (" + mix + ").");
        }
        return errors.isEmpty() ? current.withNetwork(host, mix, api) : null;
    }

    public NodeSettings wallet(NodeSettings current, Function<String, String> form, FieldErrors errors) {
        String wallet = WalletAddress.validate("wallet", form.apply("wallet"), errors);
        return errors.isEmpty() ? current.withWallet(wallet) : null;
    }

    /**
     * MQTT broker. An empty password with an unchanged user keeps the saved password, so the
     * page never has to send a stored secret back to the browser.
     */
    public NodeSettings mqtt(NodeSettings current, Function<String, String> form, FieldErrors errors) {
        MqttSettings mqtt = mqttSettings(current.mqtt(), form, errors);
        return errors.isEmpty() ? current.withMqtt(mqtt) : null;
    }

    public MqttSettings mqttSettings(MqttSettings saved, Function<String, String> form, FieldErrors errors) {
        String url = strip(form.apply("mqttUrl"));
        String user = strip(form.apply("mqttUser"));
        String password = orEmpty(form.apply("mqttPassword"));
        if (user.length() > MQTT_USER_MAX) {
            errors.add("mqttUser", "The user name is at most " + MQTT_USER_MAX + " characters.");
        } else if (TextRules.firstControl(user, false) >= 0) {
            errors.add("mqttUser", "The user name cannot contain control characters.");
        }
        if (password.length() > MQTT_PASSWORD_MAX) {
            errors.add("mqttPassword", "The password is at most " + MQTT_PASSWORD_MAX + " characters.");
        } else if (TextRules.firstControl(password, false) >= 0) {
            errors.add("mqttPassword", "The password cannot contain control characters.");
        }
        if (url.isEmpty()) {
            if (!user.isEmpty() || !password.isEmpty()) {
                errors.add("mqttUrl", "Enter the broker address, or clear the user and password to turn MQTT off.");
            }
            return errors.isEmpty() ? MqttSettings.disabled() : null;
        }
        if (user.isEmpty() && !password.isEmpty()) {
            errors.add("mqttUser", "A password needs a user name.");
        }
        String normalisedUrl = mqttUrl(url, errors);
        if (password.isEmpty() && !user.isEmpty() && user.equals(saved.user())) {
            password = saved.password();
        }
        // The address alone decides TLS (one control, no contradicting checkbox): ssl:// after normalising.
        return errors.isEmpty() ? new MqttSettings(normalisedUrl, user, password, normalisedUrl.startsWith("ssl://")) : null;
    }

    public NodeSettings led(NodeSettings current, Function<String, String> form, FieldErrors errors) {
        String raw = strip(form.apply("ledBrightness"));
        if (raw.endsWith("%")) raw = strip(raw.substring(0, raw.length() - 1));   // "50%" means 50
        int brightness = -1;
        if (raw.isEmpty()) {
            errors.add("ledBrightness", "Enter a brightness from 0 to 100.");
        } else {
            brightness = parseInt(raw);
            if (brightness < 0 || brightness > 100) {
                errors.add("ledBrightness", "Brightness must be a whole number from 0 to 100.");
            }
        }
        return errors.isEmpty() ? current.withLed(new LedSettings(brightness, checkbox(form.apply("ledOn")))) : null;
    }

    private String publicHost(String raw, FieldErrors errors) {
        String s = strip(raw);
        if (s.isEmpty()) {
            errors.add("publicHost", "Enter the public IP address or DNS name that reaches your home from the internet.");
            return null;
        }
        if (s.contains("://") || s.contains("/")) {
            errors.add("publicHost", "Enter just the host, without http:// or a path.");
            return null;
        }
        if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            errors.add("publicHost", "Enter the host without a port; the ports have their own fields.");
            return null;
        }
        return switch (HostNames.parse(s)) {
            case HostNames.Bad bad -> {
                errors.add("publicHost", bad.message());
                yield null;
            }
            case HostNames.Ok ok -> checkPublic(ok.host(), errors);
        };
    }

    private String checkPublic(HostNames.Host host, FieldErrors errors) {
        if (allowHomeAddresses) {
            return host.text();
        }
        if (host.address().isPresent()) {
            String why = switch (PublicAddresses.classify(host.address().get())) {
                case PUBLIC -> null;
                case HOME_NETWORK -> host.text() + " is an address inside your home network; nodes on the internet cannot "
                        + "reach it. Enter your public IP address or a DNS name.";
                case CARRIER_NAT -> host.text() + " is a carrier-grade NAT address: your provider shares one public address "
                        + "between customers, so the node cannot be reached. Ask your provider for a public IP.";
                case RESERVED -> host.text() + " is a reserved address, not one on the public internet.";
            };
            if (why != null) {
                errors.add("publicHost", why);
                return null;
            }
            return host.text();
        }
        String name = host.text();
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            errors.add("publicHost", "localhost only means this box itself; enter a name that works from the internet.");
            return null;
        }
        if (name.endsWith(".local") || name.endsWith(".lan") || name.endsWith(".home.arpa") || name.endsWith(".internal")) {
            errors.add("publicHost", name + " only works inside your home network; enter a name that works from the internet.");
            return null;
        }
        if (name.indexOf('.') < 0) {
            errors.add("publicHost", "Enter a full DNS name such as mynode.example.net (with a dot), or an IP address.");
            return null;
        }
        return name;
    }

    private int port(String field, String label, String raw, FieldErrors errors) {
        String s = strip(raw);
        int p = parseInt(s);
        if (s.isEmpty()) {
            // "API" stays in capitals: "Enter the API port."
            errors.add(field, "Enter the " + (label.startsWith("API") ? label : label.toLowerCase(Locale.ROOT)) + ".");
            return -1;
        }
        if (p < 1 || p > 65535) {
            errors.add(field, label + " must be a whole number from 1 to 65535.");
            return -1;
        }
        if (p == adminPort) {
            errors.add(field, "Port " + p + " is used by this setup page; choose another.");
            return -1;
        }
        return p;
    }

    /** {@code tcp://host:port} or {@code ssl://host:port}; an address without a scheme is unencrypted. */
    private static String mqttUrl(String url, FieldErrors errors) {
        String rest = url;
        boolean tls = false;
        int sep = url.indexOf("://");
        if (sep >= 0) {
            String scheme = url.substring(0, sep).toLowerCase(Locale.ROOT);
            rest = url.substring(sep + 3);
            switch (scheme) {
                case "tcp", "mqtt" -> tls = false;
                case "ssl", "tls", "mqtts" -> tls = true;
                case "ws", "wss" -> {
                    errors.add("mqttUrl", "WebSocket brokers are not supported; use mqtt:// or mqtts://.");
                    return null;
                }
                default -> {
                    errors.add("mqttUrl", "Start with mqtt:// (unencrypted) or mqtts:// (TLS), for example mqtt://homeassistant.local:1883.");
                    return null;
                }
            }
        }
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        if (rest.contains("@")) {
            errors.add("mqttUrl", "Put the user name and password in their own fields, not in the address.");
            return null;
        }
        if (rest.contains("/") || rest.contains("?") || rest.contains("#")) {
            errors.add("mqttUrl", "The broker address is just host and port, for example mqtt://192.168.1.10:1883.");
            return null;
        }
        String hostPart = rest;
        String portPart = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                errors.add("mqttUrl", "An IPv6 address needs a closing ].");
                return null;
            }
            hostPart = rest.substring(1, close);
            if (close + 1 < rest.length()) {
                if (rest.charAt(close + 1) != ':') {
                    errors.add("mqttUrl", "Write the port after the ], like [fd00::5]:1883.");
                    return null;
                }
                portPart = rest.substring(close + 2);
            }
        } else if (rest.indexOf(':') >= 0) {
            if (rest.indexOf(':') != rest.lastIndexOf(':')) {
                errors.add("mqttUrl", "Put an IPv6 address in brackets, like mqtt://[fd00::5]:1883.");
                return null;
            }
            hostPart = rest.substring(0, rest.indexOf(':'));
            portPart = rest.substring(rest.indexOf(':') + 1);
        }
        if (hostPart.isEmpty()) {
            errors.add("mqttUrl", "The broker address needs a host, for example mqtt://192.168.1.10:1883.");
            return null;
        }
        HostNames.Host host = switch (HostNames.parse(hostPart)) {
            case HostNames.Bad bad -> {
                errors.add("mqttUrl", bad.message());
                yield null;
            }
            case HostNames.Ok ok -> ok.host();
        };
        if (host == null) {
            return null;
        }
        int port = tls ? 8883 : 1883;
        if (portPart != null) {
            port = parseInt(portPart);
            if (port < 1 || port > 65535) {
                errors.add("mqttUrl", "The broker port must be a whole number from 1 to 65535.");
                return null;
            }
        }
        String normalised = (tls ? "ssl://" : "tcp://") + host.forUrl() + ":" + port;
        if (!urlHasHost(normalised)) {
            // e.g. a last label starting with a digit: valid DNS, but no host to Java's URI (and so to the config).
            errors.add("mqttUrl", "This broker name cannot be used in an address; use its IP address instead.");
            return null;
        }
        return normalised;
    }

    private static boolean urlHasHost(String url) {
        try {
            return new java.net.URI(url).getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    static boolean checkbox(String raw) {
        return raw != null && !raw.isEmpty();
    }

    private static int parseInt(String s) {
        if (s == null || s.isEmpty() || s.length() > 6 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Integer.parseInt(s);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
