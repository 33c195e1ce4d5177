package network.mask.webui.bonding;

import java.io.StringReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The message the Nym wallet asks the node to sign when it bonds, read before anything is signed.
 * It is base58 of the JSON form of nym's {@code SignableMessage<ContractMessageContent<NymNodeBondingPayload>>}
 * (nym: common/cosmwasm-smart-contracts/contracts-common/src/signing/mod.rs and
 * common/cosmwasm-smart-contracts/mixnet-contract/src/signing_types.rs):
 * {@code {"nonce", "algorithm": "ed25519", "message_type": "nym-node-bonding",
 * "content": {"sender", "funds": [{"denom", "amount"}], "data": {"nym_node": {"host", "custom_http_port", "identity_key"},
 * "cost_params": {...}}}}}. nym-node's own {@code sign --contract-msg} only checks that it is JSON
 * (nym-node/src/cli/commands/sign.rs); the page goes further and refuses a message for another node.
 *
 * @param messageType    e.g. "nym-node-bonding"
 * @param sender         the wallet account that bonds (n1...)
 * @param host           the host the wallet will register
 * @param customHttpPort the API port the wallet will register; empty means nym's default (8080)
 * @param identityKey    the identity key the wallet will register
 * @param pledge         the amount bonded, as the wallet wrote it (e.g. "100000000unym"), "" if absent
 */
public record BondingMessage(String messageType, String sender, String host, Optional<Integer> customHttpPort,
                             String identityKey, String pledge) {

    /** nym-node's HTTP API port when a bond names none (nym: nym-node's default http port, 8080). */
    public static final int DEFAULT_HTTP_PORT = 8080;
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /** Why a message cannot be signed, in words the owner can act on. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /** Reads the wallet's base58 message. */
    public static BondingMessage decode(String base58) throws Refused {
        byte[] bytes = base58Decode(base58);
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused("it does not decode to the wallet's message; it seems part of it was not copied");
        }
        JsonObject root;
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            JsonValue v = r.readValue();
            if (v.getValueType() != JsonValue.ValueType.OBJECT) throw new Refused("it is not a bonding message from the Nym wallet");
            root = v.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            throw new Refused("it does not decode to the wallet's message; it seems part of it was not copied");
        }
        JsonObject content = object(root, "content");
        JsonObject data = content == null ? null : object(content, "data");
        JsonObject node = data == null ? null : object(data, "nym_node");
        String type = text(root, "message_type");
        if (node == null) {
            throw new Refused("it is not a Nym node bonding message" + (type.isEmpty() ? "" : " (it is a \"" + type + "\" message)")
                    + "; in the wallet choose Bonding, Bond, then Nym node");
        }
        Optional<Integer> port = Optional.empty();
        JsonValue p = node.get("custom_http_port");
        if (p != null && p.getValueType() == JsonValue.ValueType.NUMBER) port = Optional.of(((JsonNumber) p).intValue());
        String pledge = "";
        JsonValue funds = content.get("funds");
        if (funds != null && funds.getValueType() == JsonValue.ValueType.ARRAY && !funds.asJsonArray().isEmpty()
                && funds.asJsonArray().get(0).getValueType() == JsonValue.ValueType.OBJECT) {
            JsonObject coin = funds.asJsonArray().getJsonObject(0);
            pledge = text(coin, "amount") + text(coin, "denom");
        }
        return new BondingMessage(type, text(content, "sender"), text(node, "host"), port, text(node, "identity_key"), pledge);
    }

    /**
     * Refuses a message that would bond another node, or this node under an address it is not at.
     *
     * @param identityKey this node's identity key; {@code host} and {@code apiPort} what it announces
     */
    public void checkNames(String identityKey, String host, int apiPort) throws Refused {
        if (!messageType.equals("nym-node-bonding")) {
            throw new Refused("it is a \"" + messageType + "\" message, not \"nym-node-bonding\"; in the wallet choose "
                    + "Bonding, Bond, then Nym node");
        }
        if (!this.identityKey.equals(identityKey)) {
            throw new Refused("it bonds the identity key " + shorten(this.identityKey) + ", but this node's identity key is "
                    + shorten(identityKey) + ". Paste this node's identity key into the wallet, then copy the new message");
        }
        if (!this.host.equalsIgnoreCase(host)) {
            throw new Refused("it names the host \"" + this.host + "\", but this node is at \"" + host
                    + "\". Correct the host in the wallet (or in Settings, Internet), then copy the new message");
        }
        int named = customHttpPort.orElse(DEFAULT_HTTP_PORT);
        if (named != apiPort) {
            throw new Refused("it names the HTTP port " + named + ", but this node's API listens on " + apiPort
                    + ". In the wallet open \"Show advanced options\" and set the custom HTTP port to " + apiPort);
        }
    }

    private static String shorten(String key) {
        return key.isEmpty() ? "(none)" : key;
    }

    private static JsonObject object(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v != null && v.getValueType() == JsonValue.ValueType.OBJECT ? v.asJsonObject() : null;
    }

    private static String text(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v instanceof JsonString s ? s.getString() : "";
    }

    /** Plain base58 (Bitcoin alphabet, as bs58's default): leading '1's are zero bytes. */
    static byte[] base58Decode(String s) throws Refused {
        BigInteger n = BigInteger.ZERO;
        BigInteger base = BigInteger.valueOf(58);
        int zeros = 0;
        while (zeros < s.length() && s.charAt(zeros) == '1') zeros++;
        for (int i = 0; i < s.length(); i++) {
            int digit = ALPHABET.indexOf(s.charAt(i));
            if (digit < 0) throw new Refused("it is not base58: it seems part of it was not copied");
            n = n.multiply(base).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = n.signum() == 0 ? new byte[0] : n.toByteArray();
        int skip = magnitude.length > 0 && magnitude[0] == 0 ? 1 : 0;
        byte[] out = new byte[zeros + magnitude.length - skip];
        System.arraycopy(magnitude, skip, out, zeros, magnitude.length - skip);
        return out;
    }

    /** Base58 of {@code bytes}, for tests and tools that build a wallet-style message. */
    public static String base58Encode(byte[] bytes) {
        int zeros = 0;
        while (zeros < bytes.length && bytes[zeros] == 0) zeros++;
        StringBuilder sb = new StringBuilder();
        BigInteger n = new BigInteger(1, bytes);
        BigInteger base = BigInteger.valueOf(58);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(base);
            sb.append(ALPHABET.charAt(qr[1].intValue()));
            n = qr[0];
        }
        sb.append("1".repeat(zeros));
        return sb.reverse().toString();
    }
}
