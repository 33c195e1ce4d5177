package network.mask.node.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedTest {

    private static final String GOOD_RELEASE = """
        {"version":"0.2.0","nym_node_version":"1.31.0","minimum_previous":"0.1.0","published":"2026-12-02T04:00:00Z",
         "bundle":{"url":"masknode-0.2.0.zip","size":1234,"sha256":"%s"},
         "notes":"Faster start.","notes_url":"https://example.org/r/0.2.0","future_field":{"x":1}}
        """.formatted("ab".repeat(32));

    private static Feed parse(String json) throws UpdateException {
        return Feed.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheDocumentedShapeAndIgnoresUnknownFields() throws Exception {
        Feed feed = parse("{\"format\":1,\"serial\":7,\"published\":\"x\",\"releases\":[" + GOOD_RELEASE + "]}");
        assertEquals(7, feed.serial());
        Release r = feed.releases().getFirst();
        assertEquals(SemVer.parse("0.2.0"), r.version());
        assertEquals(SemVer.parse("0.1.0"), r.minimumPrevious());
        assertEquals(1234, r.bundleSize());
        assertEquals("Faster start.", r.notes());
        assertEquals("https://example.org/r/0.2.0", r.notesUrl());
        assertEquals(feed, Feed.parse(feed.toJsonText().getBytes(StandardCharsets.UTF_8)), "what the release tool writes reads back");
    }

    @Test
    void refusesEveryMalformedShapeWithATypedError() {
        List<String> bad = List.of(
                "", "[]", "not json", "{\"format\":2,\"serial\":1,\"releases\":[]}", "{\"format\":1,\"releases\":[]}",
                "{\"format\":1,\"serial\":1}", "{\"format\":1,\"serial\":1.5,\"releases\":[]}",
                "{\"format\":1,\"serial\":1,\"releases\":[1]}",
                "{\"format\":1,\"serial\":1,\"releases\":[" + GOOD_RELEASE.replace("\"0.2.0\",\"nym", "\"0.2.0-SNAPSHOT\",\"nym") + "]}",
                "{\"format\":1,\"serial\":1,\"releases\":[" + GOOD_RELEASE.replace("ab".repeat(32), "AB".repeat(32)) + "]}",
                "{\"format\":1,\"serial\":1,\"releases\":[" + GOOD_RELEASE.replace("1234", "-1") + "]}",
                "{\"format\":1,\"serial\":1,\"releases\":[" + GOOD_RELEASE.replace("\"0.1.0\"", "\"zero\"") + "]}");
        for (String json : bad) {
            UpdateException e = assertThrows(UpdateException.class, () -> parse(json), json);
            assertEquals(UpdateError.FEED_MALFORMED, e.error(), json);
        }
        UpdateException e = assertThrows(UpdateException.class, () -> Feed.parse(new byte[] {(byte) 0xff, '{'}));
        assertEquals(UpdateError.FEED_MALFORMED, e.error());
    }
}
