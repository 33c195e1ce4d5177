package network.mask.node.nymapistandin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import network.mask.node.nymapistandin.HostInformationModel.SignedHostInformation;
import network.mask.node.nymapistandin.StrictJson.ModelException;
import org.junit.jupiter.api.Test;

/**
 * Known answer: the signed host information in nym's own test
 * ({@code legacy_host_information_deserialisation}, {@code nym-node/nym-node-requests/src/api/v1/node/models.rs}),
 * a real node's answer signed in the legacy V3 layout. Its key, JSON and signature are test data here.
 */
class HostInformationSignatureTest {

    static final String IDENTITY = "2RMWm7PoadaoWpk3KhT2tcFFfA4oKUyC44KwmVvjxNDS";
    static final String SPHINX = "Awn4R2AHX91tYeiMJMxW3mFfoePuHWzZYUFdDQnydZCD";
    static final String SIGNATURE = "5JcXh766JANhz3bu2hMBS8onTLihQn6vnGgduJg1qd8JAcPGPbXBwBTKmmQPYCVGeZYFHW4CMGhfHVBu2A1rE5f7";

    static String fixture(String ip, String signature) {
        return """
                {
                  "data": {
                    "ip_address": [
                      "%s"
                    ],
                    "hostname": null,
                    "keys": {
                      "ed25519_identity": "%s",
                      "x25519_sphinx": "%s",
                      "x25519_noise": null
                    }
                  },
                  "signature": "%s"
                }
                """.formatted(ip, IDENTITY, SPHINX, signature);
    }

    @Test
    void nymsOwnSignedFixtureVerifies() throws ModelException {
        SignedHostInformation signed = HostInformationModel.parse(fixture("194.182.184.55", SIGNATURE));
        assertEquals(List.of("194.182.184.55"), signed.data().ipAddresses());
        assertEquals(HostInformationModel.LEGACY_ROTATION, signed.data().keys().primary().rotationId(),
                "no primary key in the JSON: nym reads it as the legacy key (rotation u32::MAX)");
        assertTrue(HostInformationSignature.verify(signed));
    }

    @Test
    void oneChangedByteInTheDataOrTheSignatureFails() throws ModelException {
        // 194.182.184.55 -> 194.182.184.56: one byte of the signed text.
        assertFalse(HostInformationSignature.verify(HostInformationModel.parse(fixture("194.182.184.56", SIGNATURE))));
        // A different signature character: still 64 bytes, no longer the node's signature.
        String tampered = SIGNATURE.substring(0, 10) + (SIGNATURE.charAt(10) == 'A' ? 'B' : 'A') + SIGNATURE.substring(11);
        assertFalse(HostInformationSignature.verify(HostInformationModel.parse(fixture("194.182.184.55", tampered))));
    }

    @Test
    void aSignatureOfTheWrongLengthIsAModelError() {
        assertThrows(ModelException.class, () -> HostInformationModel.parse(fixture("194.182.184.55", SIGNATURE.substring(5))));
    }

    @Test
    void anIpThatRustWouldNotParseIsAModelError() {
        assertThrows(ModelException.class, () -> HostInformationModel.parse(fixture("194.182.184.055", SIGNATURE)));
        assertThrows(ModelException.class, () -> HostInformationModel.parse(fixture("[2001:db8::1]", SIGNATURE)));
        assertThrows(ModelException.class, () -> HostInformationModel.parse(fixture("example.org", SIGNATURE)));
    }

    @Test
    void ipv6IsRewrittenAsRustDisplaysIt() throws ModelException {
        assertEquals("2001:db8::1", RustIpAddr.parseAndDisplay("2001:0DB8:0:0:0:0:0:1", "ip"));
        assertEquals("2001:db8:0:1:1:1:1:1", RustIpAddr.parseAndDisplay("2001:db8:0:1:1:1:1:1", "ip"));
        assertEquals("::ffff:1.2.3.4", RustIpAddr.parseAndDisplay("::ffff:1.2.3.4", "ip"));
        assertEquals("1:0:0:2::3", RustIpAddr.parseAndDisplay("1:0:0:2:0:0:0:3", "ip"));
    }
}
