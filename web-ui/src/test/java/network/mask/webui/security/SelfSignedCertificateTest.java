package network.mask.webui.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedCertificateTest {

    @Test
    void certificateCarriesTheNamesAndSurvivesStorage() throws Exception {
        Instant now = Instant.parse("2026-11-24T12:00:00Z");
        SelfSignedCertificate c = SelfSignedCertificate.generate(List.of("localhost", "masknode.local"),
                List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("192.168.1.5")), now);
        c.certificate().verify(c.certificate().getPublicKey());
        c.certificate().checkValidity(java.util.Date.from(now));
        Collection<List<?>> sans = c.certificate().getSubjectAlternativeNames();
        Set<String> names = sans.stream().map(l -> String.valueOf(l.get(1))).collect(Collectors.toSet());
        assertEquals(Set.of("localhost", "masknode.local", "127.0.0.1", "192.168.1.5"), names);
        assertEquals(-1, c.certificate().getBasicConstraints(), "not a CA");
        assertTrue(c.certificate().getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth");

        SelfSignedCertificate again = SelfSignedCertificate.fromMaterial(c.toMaterial());
        assertEquals(c.sha256Fingerprint(), again.sha256Fingerprint());
        assertEquals(c.privateKey(), again.privateKey());
    }

    /** The fingerprint the dashboard shows is what openssl (and browsers) show for the same certificate. */
    @Test
    void fingerprintMatchesOpenssl(@TempDir Path dir) throws Exception {
        SelfSignedCertificate c = SelfSignedCertificate.generate(List.of("localhost"), List.of(), Instant.now());
        Path pem = dir.resolve("cert.pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(c.certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        Process p = new ProcessBuilder("openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in", pem.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals(c.sha256Fingerprint(), out.substring(out.indexOf('=') + 1));
    }
}
