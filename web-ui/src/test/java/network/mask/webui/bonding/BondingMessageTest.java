package network.mask.webui.bonding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import network.mask.webui.WalletMessages;
import org.junit.jupiter.api.Test;

/** Reading the Nym wallet's bonding message (nym: mixnet-contract/src/signing_types.rs) and refusing one for another node. */
class BondingMessageTest {

    private static final String ID = "4yRfauFzZnejJhG2FACTVQ7UnYEcFUYw3HzXrmuwLMaR";

    @Test
    void base58RoundTripsWithLeadingZeros() throws Exception {
        byte[] bytes = {0, 0, 1, 2, (byte) 255};
        String text = BondingMessage.base58Encode(bytes);
        assertTrue(text.startsWith("11"), text);
        assertArrayEquals(bytes, BondingMessage.base58Decode(text));
        // The textbook vector: "Hello World!" in bs58's (Bitcoin) alphabet.
        assertEquals("2NEpo7TZRRrLZSi2U", BondingMessage.base58Encode("Hello World!".getBytes()));
    }

    @Test
    void readsTheWalletsFields() throws Exception {
        BondingMessage m = BondingMessage.decode(WalletMessages.bonding(ID, "node.example.net", 8000));
        assertEquals("nym-node-bonding", m.messageType());
        assertEquals("node.example.net", m.host());
        assertEquals(Optional.of(8000), m.customHttpPort());
        assertEquals(ID, m.identityKey());
        assertEquals("n1jw6mp7d5xqc7w6xm79lha27glmd0vdt3l9artf", m.sender());
        assertEquals("100000000unym", m.pledge());
    }

    @Test
    void acceptsItsOwnNodeAndAnEmptyPortMeaningTheDefault() throws Exception {
        BondingMessage.decode(WalletMessages.bonding(ID, "Node.Example.net", null)).checkNames(ID, "node.example.net", 8080);
        BondingMessage.decode(WalletMessages.bonding(ID, "203.0.113.7", 18080)).checkNames(ID, "203.0.113.7", 18080);
    }

    @Test
    void refusesAnotherIdentityHostOrPort() throws Exception {
        assertTrue(assertThrows(BondingMessage.Refused.class, () -> BondingMessage.decode(WalletMessages.bonding("Other", "h", null))
                .checkNames(ID, "h", 8080)).getMessage().startsWith("it bonds the identity key Other, but this node's identity key is " + ID));
        assertTrue(assertThrows(BondingMessage.Refused.class, () -> BondingMessage.decode(WalletMessages.bonding(ID, "other", null))
                .checkNames(ID, "h", 8080)).getMessage().startsWith("it names the host \"other\""));
        assertTrue(assertThrows(BondingMessage.Refused.class, () -> BondingMessage.decode(WalletMessages.bonding(ID, "h", null))
                .checkNames(ID, "h", 18080)).getMessage().startsWith("it names the HTTP port 8080, but this node's API listens on 18080"));
    }

    @Test
    void refusesWhatIsNotANymNodeBondingMessage() {
        assertThrows(BondingMessage.Refused.class, () -> BondingMessage.decode("0OIl"));
        assertThrows(BondingMessage.Refused.class, () -> BondingMessage.decode(WalletMessages.encode("not json")));
        assertThrows(BondingMessage.Refused.class, () -> BondingMessage.decode(BondingMessage.base58Encode(new byte[] {(byte) 0xff, 0x41})));
        assertTrue(assertThrows(BondingMessage.Refused.class, () -> BondingMessage.decode(WalletMessages.encode(
                "{\"message_type\":\"mixnode-bonding\",\"content\":{\"data\":{\"mix_node\":{}}}}"))).getMessage()
                .contains("\"mixnode-bonding\""));
    }
}
