package network.mask.webui.web;

import java.util.Locale;

import network.mask.webui.spi.MqttSettings;
import network.mask.webui.spi.MqttTester;

/**
 * The broker address and the connection test in the owner's words. The address alone decides
 * TLS (mqtts:// or ssl:// is encrypted, mqtt:// or tcp:// or no scheme is not), so the page says
 * which it is instead of offering a checkbox that could contradict it.
 */
final class MqttWords {

    /** The hint under the broker address on the wizard and on Settings. */
    static final String ADDRESS_HINT = "For example mqtt://homeassistant.local:1883 for the Mosquitto broker add-on of "
            + "Home Assistant, or mqtts://broker.local:8883 for an encrypted (TLS) connection. "
            + "The start of the address decides: mqtts:// is encrypted, mqtt:// is not.";

    private MqttWords() {
    }

    /** Whether {@code address} (as typed or as saved) is encrypted, in a sentence; empty for no address. */
    static String encryption(String address) {
        String a = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
        if (a.isEmpty()) {
            return "";
        }
        if (a.startsWith("mqtts://") || a.startsWith("ssl://") || a.startsWith("tls://")) {
            return "This address is encrypted with TLS.";
        }
        return "This address is not encrypted. For TLS, start it with mqtts:// and use the broker's TLS port (usually 8883).";
    }

    /** The address field's hint: the examples, then whether the address in the field is encrypted. */
    static String addressHint(String address) {
        String words = encryption(address);
        return words.isEmpty() ? ADDRESS_HINT : ADDRESS_HINT + " " + words;
    }

    /** The connection test's verdict: what happened and what to change, naming the broker once. */
    static String testResult(MqttTester.Result r, MqttSettings s) {
        String broker = hostAndPort(s.url());
        String port = broker.substring(broker.lastIndexOf(':') + 1);
        return switch (r.problem()) {
            case NONE -> "Connected to " + broker + (s.user().isEmpty() ? "" : " as " + s.user())
                    + (s.tls() ? ", encrypted with TLS." : ", not encrypted.");
            case LOGIN_REFUSED -> "The broker at " + broker + " refused the login: check the user name and password "
                    + "(in Home Assistant, a user of the Mosquitto broker add-on).";
            case UNKNOWN_HOST -> "No computer called " + broker.substring(0, broker.lastIndexOf(':'))
                    + " was found: check the name, or use the broker's IP address.";
            case NOTHING_LISTENING -> "Nothing answers on port " + port + " at " + broker.substring(0, broker.lastIndexOf(':'))
                    + ": check the port (Mosquitto uses 1883, or 8883 for TLS) and that the broker is running.";
            case NO_ANSWER -> "No answer from " + broker + ": check the address, and that the broker is on your home network.";
            case PORT_WITHOUT_TLS -> "Port " + port + " does not speak TLS: try port 8883, or start the address with "
                    + "mqtt:// for an unencrypted connection.";
            case CLOSED_AT_ONCE -> "The broker at " + broker + " closed the connection without answering. If port " + port
                    + " is its TLS port, start the address with mqtts://.";
            case CERTIFICATE_REFUSED -> "The encrypted connection to " + broker + " failed: the broker's certificate is not "
                    + "trusted or does not carry this name, or the broker wants a client certificate. Check the CA certificate "
                    + "and client certificate files under Settings, Home Assistant." + detail(r);
            case BROKER_REFUSED -> "The broker at " + broker + " turned the connection down." + detail(r)
                    + " Its log says why.";
            case SETTINGS -> "The node cannot use these settings." + detail(r);
            case OTHER -> "Could not connect to " + broker + "." + detail(r);
        };
    }

    private static String detail(MqttTester.Result r) {
        String m = r.message().strip();
        if (m.isEmpty()) {
            return "";
        }
        String sentence = Character.toUpperCase(m.charAt(0)) + m.substring(1);
        return " " + (sentence.endsWith(".") ? sentence : sentence + ".");
    }

    /** {@code tcp://host:port} without its scheme. */
    private static String hostAndPort(String url) {
        int sep = url.indexOf("://");
        return sep < 0 ? url : url.substring(sep + 3);
    }
}
