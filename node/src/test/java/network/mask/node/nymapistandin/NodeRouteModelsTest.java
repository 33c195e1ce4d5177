package network.mask.node.nymapistandin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;
import network.mask.node.nymapistandin.NodeRouteModels.AuxiliaryDetails;
import network.mask.node.nymapistandin.NodeRouteModels.BuildInformation;
import network.mask.node.nymapistandin.NodeRouteModels.NodeHealth;
import network.mask.node.nymapistandin.NodeRouteModels.NodeRoles;
import network.mask.node.nymapistandin.NodeRouteModels.WebSockets;
import network.mask.node.nymapistandin.StrictJson.ModelException;
import org.junit.jupiter.api.Test;

/** The route models read JSON as serde reads nym's types: strict where serde is strict, lenient where it is lenient. */
class NodeRouteModelsTest {

    @Test
    void healthAcceptsOnlyTheCamelCaseVariant() throws ModelException {
        assertEquals(42, NodeHealth.parse("{\"status\":\"up\",\"uptime\":42}").uptime());
        for (String status : new String[] {"\"Up\"", "\"UP\"", "\"down\"", "1", "null"}) {
            assertThrows(ModelException.class, () -> NodeHealth.parse("{\"status\":" + status + ",\"uptime\":1}"), status);
        }
        assertThrows(ModelException.class, () -> NodeHealth.parse("{\"status\":\"up\"}"), "uptime is required");
        assertThrows(ModelException.class, () -> NodeHealth.parse("{\"status\":\"up\",\"uptime\":-1}"), "u64");
        assertThrows(ModelException.class, () -> NodeHealth.parse("{\"status\":\"up\",\"uptime\":1.5}"), "not an integer");
        assertThrows(ModelException.class, () -> NodeHealth.parse("[\"up\"]"));
        assertThrows(ModelException.class, () -> NodeHealth.parse("up"));
        assertEquals(1, NodeHealth.parse("{\"status\":\"up\",\"uptime\":1,\"extra\":true}").uptime(), "unknown fields are ignored");
    }

    @Test
    void buildInformationRequiresNineStringsAndDefaultsTheTriple() throws ModelException {
        String nine = "\"binary_name\":\"nym-node\",\"build_timestamp\":\"t\",\"build_version\":\"1.31.0\",\"commit_sha\":\"s\","
                + "\"commit_timestamp\":\"c\",\"commit_branch\":\"b\",\"rustc_version\":\"r\",\"rustc_channel\":\"stable\","
                + "\"cargo_profile\":\"release\"";
        assertEquals("unknown", BuildInformation.parse("{" + nine + "}").cargoTriple());
        assertEquals("x", BuildInformation.parse("{" + nine + ",\"cargo_triple\":\"x\"}").cargoTriple());
        assertThrows(ModelException.class, () -> BuildInformation.parse("{" + nine.replace("\"commit_sha\":\"s\",", "") + "}"));
        assertThrows(ModelException.class, () -> BuildInformation.parse("{" + nine.replace("\"t\"", "null") + "}"));
    }

    @Test
    void rolesNeedAllFourFlags() throws ModelException {
        assertTrue(NodeRoles.parse("{\"mixnode_enabled\":true,\"gateway_enabled\":false,\"network_requester_enabled\":false,"
                + "\"ip_packet_router_enabled\":false}").mixnodeEnabled());
        assertThrows(ModelException.class, () -> NodeRoles.parse("{\"mixnode_enabled\":true,\"gateway_enabled\":false,"
                + "\"network_requester_enabled\":false}"));
        assertThrows(ModelException.class, () -> NodeRoles.parse("{\"mixnode_enabled\":\"true\",\"gateway_enabled\":false,"
                + "\"network_requester_enabled\":false,\"ip_packet_router_enabled\":false}"));
    }

    @Test
    void auxiliaryDetailsDefaultWhatSerdeDefaultsAndCheckTheCountry() throws ModelException {
        AuxiliaryDetails empty = AuxiliaryDetails.parse("{}");
        assertEquals(Optional.empty(), empty.location());
        assertFalse(empty.acceptedOperatorTermsAndConditions());
        AuxiliaryDetails full = AuxiliaryDetails.parse("{\"location\":\"DE\",\"announce_ports\":{\"verloc_port\":null,"
                + "\"mix_port\":1789},\"accepted_operator_terms_and_conditions\":true}");
        assertEquals(Optional.of("DE"), full.location());
        assertEquals(OptionalInt.of(1789), full.mixPort());
        assertEquals(OptionalInt.empty(), full.verlocPort());
        assertTrue(full.acceptedOperatorTermsAndConditions());
        assertThrows(ModelException.class, () -> AuxiliaryDetails.parse("{\"location\":\"XX\"}"), "not a country");
        assertThrows(ModelException.class, () -> AuxiliaryDetails.parse("{\"location\":\"Germany\"}"));
        assertThrows(ModelException.class, () -> AuxiliaryDetails.parse("{\"announce_ports\":{\"mix_port\":65536}}"), "u16");
        assertThrows(ModelException.class, () -> AuxiliaryDetails.parse("{\"accepted_operator_terms_and_conditions\":null}"));
    }

    @Test
    void websocketsNeedAU16PortAndAnOptionalOne() throws ModelException {
        assertEquals(new WebSockets(9000, OptionalInt.empty()), WebSockets.parse("{\"ws_port\":9000,\"wss_port\":null}"));
        assertEquals(new WebSockets(9000, OptionalInt.empty()), WebSockets.parse("{\"ws_port\":9000}"), "Option may be missing");
        assertEquals(OptionalInt.of(443), WebSockets.parse("{\"ws_port\":9000,\"wss_port\":443}").wssPort());
        assertThrows(ModelException.class, () -> WebSockets.parse("{\"wss_port\":null}"));
        assertThrows(ModelException.class, () -> WebSockets.parse("{\"ws_port\":70000}"));
    }
}
