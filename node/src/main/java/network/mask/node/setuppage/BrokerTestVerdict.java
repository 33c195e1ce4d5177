package network.mask.node.setuppage;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import network.mask.node.telemetry.PublisherException;
import network.mask.webui.spi.MqttTester.Problem;
import network.mask.webui.spi.MqttTester.Result;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * Sorts a failed test connect into the {@link Problem} the setup page explains, so the owner reads
 * the fix ("this port does not speak TLS") instead of the client library's words ("Connection reset").
 */
final class BrokerTestVerdict {

    private BrokerTestVerdict() {}

    static Result of(PublisherException e, boolean tls) {
        switch (e.kind()) {
            case AUTH_FAILED -> {
                return new Result(false, Problem.LOGIN_REFUSED, "");
            }
            case CONFIG_INVALID -> {
                // Our own words naming the file or field (a CA file that cannot be read, ...), or a refused session.
                return e.getCause() instanceof MqttException ? new Result(false, Problem.BROKER_REFUSED, "")
                        : new Result(false, Problem.SETTINGS, e.getMessage());
            }
            default -> { }
        }
        boolean closed = false;
        boolean alert = false;
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) return new Result(false, Problem.UNKNOWN_HOST, "");
            if (t instanceof ConnectException) return new Result(false, Problem.NOTHING_LISTENING, "");
            if (t instanceof NoRouteToHostException || t instanceof SocketTimeoutException) {
                return new Result(false, Problem.NO_ANSWER, "");
            }
            if (t instanceof CertificateException || t instanceof CertPathValidatorException || t instanceof CertPathBuilderException) {
                return new Result(false, Problem.CERTIFICATE_REFUSED, "");
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            // A TLS alert is the broker speaking TLS and refusing us (e.g. it wants a client certificate).
            if (t instanceof SSLException && message.contains("alert")) alert = true;
            if (t instanceof SSLException || t instanceof EOFException || t instanceof SocketException) closed = true;
            if (t instanceof MqttException m && m.getReasonCode() == MqttException.REASON_CODE_CONNECTION_LOST) closed = true;
        }
        if (alert) return new Result(false, Problem.CERTIFICATE_REFUSED, "");
        // A plain MQTT port reads the TLS greeting as a broken packet and hangs up; a TLS port does the same to plain MQTT.
        if (closed) return new Result(false, tls ? Problem.PORT_WITHOUT_TLS : Problem.CLOSED_AT_ONCE, "");
        if (e.getCause() instanceof MqttException m) {
            int code = m.getReasonCode();
            if (code == MqttException.REASON_CODE_CLIENT_TIMEOUT) return new Result(false, Problem.NO_ANSWER, "");
            if (code == MqttException.REASON_CODE_BROKER_UNAVAILABLE) {
                return new Result(false, Problem.BROKER_REFUSED, "it says it is unavailable; try again in a minute");
            }
        }
        return new Result(false, Problem.OTHER, e.getMessage());
    }
}
