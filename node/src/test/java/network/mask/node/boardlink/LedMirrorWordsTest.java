package network.mask.node.boardlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashSet;
import java.util.List;
import network.mask.board.LedView;
import network.mask.board.NodeState;
import org.junit.jupiter.api.Test;

/** The dashboard names a degraded box's problems in words, not the board feed's codes. */
class LedMirrorWordsTest {

    @Test
    void mqttProblemsAreNamedInWords() {
        String meaning = LedMirror.of(new LedView(NodeState.DEGRADED, "amber", java.util.Map.of()), new LinkedHashSet<>(List.of(BoardFeed.MQTT_AUTH, BoardFeed.NO_NEXT_HOP)),
                true).meaning();
        assertEquals("Running, not (yet) working on the network or with a problem: the MQTT broker refused the user name or password (Settings, Home Assistant); "
                + "no other node of the network can be reached from here", meaning);
        assertFalse(meaning.contains("mqtt-"), meaning);
    }
}
