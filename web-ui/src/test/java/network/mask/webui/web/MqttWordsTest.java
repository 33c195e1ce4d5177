package network.mask.webui.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import network.mask.webui.spi.MqttSettings;
import network.mask.webui.spi.MqttTester.Problem;
import network.mask.webui.spi.MqttTester.Result;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The broker test's verdicts and the address's encryption, as the owner reads them. */
class MqttWordsTest {

    private static final MqttSettings PLAIN = new MqttSettings("tcp://homeassistant.local:1883", "ha", "pw", false);
    private static final MqttSettings TLS_ON_1883 = new MqttSettings("ssl://homeassistant.local:1883", "", "", true);

    @Test
    void tlsMeetingAPlainPortNamesTheFix() {
        assertEquals("Port 1883 does not speak TLS: try port 8883, or start the address with mqtt:// for an unencrypted connection.",
                MqttWords.testResult(new Result(false, Problem.PORT_WITHOUT_TLS, "Connection reset"), TLS_ON_1883));
    }

    @Test
    void eachVerdictNamesTheBrokerOnceWithoutTheLibrarysScheme() {
        assertEquals("Connected to homeassistant.local:1883 as ha, not encrypted.", MqttWords.testResult(new Result(true, ""), PLAIN));
        assertEquals("The broker at homeassistant.local:1883 refused the login: check the user name and password "
                + "(in Home Assistant, a user of the Mosquitto broker add-on).",
                MqttWords.testResult(new Result(false, Problem.LOGIN_REFUSED, ""), PLAIN));
        assertEquals("No computer called homeassistant.local was found: check the name, or use the broker's IP address.",
                MqttWords.testResult(new Result(false, Problem.UNKNOWN_HOST, ""), PLAIN));
        assertEquals("Nothing answers on port 1883 at homeassistant.local: check the port (Mosquitto uses 1883, or 8883 for TLS) "
                + "and that the broker is running.", MqttWords.testResult(new Result(false, Problem.NOTHING_LISTENING, ""), PLAIN));
        assertEquals("The node cannot use these settings. CA file /etc/ca.pem cannot be read.",
                MqttWords.testResult(new Result(false, Problem.SETTINGS, "CA file /etc/ca.pem cannot be read"), PLAIN));
    }

    @ParameterizedTest
    @EnumSource(Problem.class)
    void noVerdictRepeatsTheAddressOrSpeaksJargon(Problem problem) {
        String words = MqttWords.testResult(new Result(problem == Problem.NONE, problem, ""), PLAIN);
        assertFalse(words.contains("tcp://") || words.contains("ssl://"), words);
        assertFalse(words.contains("Exception") || words.contains("Mqtt"), words);
        assertTrue(words.indexOf("homeassistant.local") == words.lastIndexOf("homeassistant.local"), "named once: " + words);
        assertTrue(words.endsWith("."), words);
    }

    @Test
    void theAddressSaysWhetherItIsEncrypted() {
        assertEquals("This address is encrypted with TLS.", MqttWords.encryption("mqtts://broker:8883"));
        assertEquals("This address is encrypted with TLS.", MqttWords.encryption("ssl://broker:8883"));
        assertTrue(MqttWords.encryption("mqtt://broker").startsWith("This address is not encrypted."));
        assertTrue(MqttWords.encryption("192.168.1.10").startsWith("This address is not encrypted."), "no scheme is plain");
        assertEquals("", MqttWords.encryption(""));
    }
}
