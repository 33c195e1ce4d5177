package network.mask.webui;

import java.nio.charset.StandardCharsets;

import network.mask.webui.bonding.BondingMessage;

/**
 * Bonding messages as the Nym wallet builds them for a Nym node: base58 of the JSON form of
 * {@code SignableMessage<ContractMessageContent<NymNodeBondingPayload>>}
 * (nym: common/cosmwasm-smart-contracts/mixnet-contract/src/signing_types.rs, nym_node.rs {@code NymNode},
 * mixnode.rs {@code NodeCostParams}).
 */
public final class WalletMessages {

    private WalletMessages() {
    }

    /** @param httpPort the wallet's "custom HTTP port", or null when left empty */
    public static String bonding(String identityKey, String host, Integer httpPort) {
        return encode("{\"nonce\":0,\"algorithm\":\"ed25519\",\"message_type\":\"nym-node-bonding\",\"content\":{"
                + "\"sender\":\"n1jw6mp7d5xqc7w6xm79lha27glmd0vdt3l9artf\",\"funds\":[{\"denom\":\"unym\",\"amount\":\"100000000\"}],"
                + "\"data\":{\"nym_node\":{\"host\":\"" + host + "\",\"custom_http_port\":" + (httpPort == null ? "null" : httpPort)
                + ",\"identity_key\":\"" + identityKey + "\"},\"cost_params\":{\"profit_margin_percent\":\"0.2\","
                + "\"interval_operating_cost\":{\"denom\":\"unym\",\"amount\":\"0\"}}}}}");
    }

    public static String encode(String json) {
        return BondingMessage.base58Encode(json.getBytes(StandardCharsets.UTF_8));
    }
}
