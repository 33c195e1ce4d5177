package network.mask.webui.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostHeaderTest {

    private final HostHeader hosts = new HostHeader(List.of("masknode.home.arpa"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "192.168.1.5:8000, true", "192.168.1.5, true", "127.0.0.1:43121, true", "10.0.0.1, true",
            "[fe80::1]:8000, true", "[::1], true", "[fd00::5%eth0]:8000, true",
            "localhost:8000, true", "masknode.local, true", "MaskNode.Local:8000, true", "attic.local., true",
            "masknode.home.arpa:8000, true",
            // DNS rebinding: an attacker's own name pointing at the box
            "evil.example:8000, false", "masknode.local.evil.example, false", "192.168.1.5.evil.example, false",
            "local, false", ".local, false", "localhost.evil.example, false", "'', false"})
    void allows(String authority, boolean expected) {
        assertEquals(expected, hosts.allowed(authority));
    }
}
