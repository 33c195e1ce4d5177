package network.mask.node.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Client keys in the PEM forms owners actually have, made with the openssl CLI. */
class TlsContextsTest {

    @TempDir
    Path dir;

    @Test
    void readsSec1EcAndPkcs1RsaAndPkcs8Keys() throws Exception {
        Path ca = dir.resolve("ca.pem");
        Path caKey = dir.resolve("ca.key");
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", caKey.toString(), "-out", ca.toString(), "-days", "2", "-subj", "/CN=test-ca");
        Path sec1 = dir.resolve("sec1.key");
        openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", sec1.toString());
        assertTrue(Files.readString(sec1).contains("BEGIN EC PRIVATE KEY"));
        Path pkcs1 = dir.resolve("pkcs1.key");
        openssl("genrsa", "-traditional", "-out", pkcs1.toString(), "2048");
        assertTrue(Files.readString(pkcs1).contains("BEGIN RSA PRIVATE KEY"));

        for (Path key : List.of(sec1, pkcs1, caKey)) {
            Path cert = dir.resolve(key.getFileName() + ".crt");
            openssl("req", "-new", "-x509", "-key", key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=client");
            MqttSettings s = MqttSettings.of("ssl://127.0.0.1:8883", "n").withTls(ca, cert, key);
            assertNotNull(TlsContexts.socketFactory(s), key.toString());
        }
    }

    @Test
    void garbageFilesAreConfigErrorsNamingTheFile() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate");
        PublisherException e = assertThrows(PublisherException.class,
                () -> TlsContexts.socketFactory(MqttSettings.of("ssl://b", "n").withTls(junk, null, null)));
        assertEquals(TelemetryState.CONFIG_INVALID, e.kind());
        assertTrue(e.getMessage().contains("junk.pem"), e.getMessage());
    }

    private static void openssl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            fail("openssl CLI not found (Debian package 'openssl'): " + e.getMessage());
            return;
        }
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) fail("openssl " + String.join(" ", args) + ": " + out);
    }
}
