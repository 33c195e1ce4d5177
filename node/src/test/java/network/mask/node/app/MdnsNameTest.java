package network.mask.node.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MdnsNameTest {

    @TempDir
    Path dir;

    Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void avahisFixedHostNameWinsOverTheUniqueHostName() throws Exception {
        // As the SD-card image sets them: avahi answers masknode.local, the host is masknode-1a2b.
        Path conf = file("avahi-daemon.conf", "[server]\n#domain-name=local\nhost-name=masknode\nuse-ipv6=no\n[wide-area]\nhost-name=other\n");
        assertEquals("masknode.local", MdnsName.of(conf, file("hostname", "masknode-1a2b\n")));
    }

    @Test
    void withoutAvahisSettingTheHostNameIsUsed() throws Exception {
        Path conf = file("avahi-daemon.conf", "[server]\n#host-name=foo\nuse-ipv6=yes\n[publish]\nhost-name=ignored\n");
        assertEquals("masknode-1a2b.local", MdnsName.of(conf, file("hostname", "masknode-1a2b\n")));
        assertEquals("masknode-1a2b.local", MdnsName.of(dir.resolve("absent.conf"), file("hostname2", "masknode-1a2b")));
    }

    @Test
    void invalidOrMissingNamesFallBackToTheProductName() throws Exception {
        Path conf = file("avahi-daemon.conf", "[server]\nhost-name=not a label\n");
        assertEquals("masknode.local", MdnsName.of(conf, file("hostname", "bad name with spaces")));
        assertEquals("masknode.local", MdnsName.of(dir.resolve("x"), dir.resolve("y")));
    }
}
