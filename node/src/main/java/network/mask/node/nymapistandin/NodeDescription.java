package network.mask.node.nymapistandin;

import java.util.Optional;
import network.mask.node.nymapistandin.HostInformationModel.SignedHostInformation;
import network.mask.node.nymapistandin.NodeRouteModels.AuxiliaryDetails;
import network.mask.node.nymapistandin.NodeRouteModels.BuildInformation;
import network.mask.node.nymapistandin.NodeRouteModels.NodeHealth;
import network.mask.node.nymapistandin.NodeRouteModels.NodeRoles;
import network.mask.node.nymapistandin.NodeRouteModels.ServiceProvider;
import network.mask.node.nymapistandin.NodeRouteModels.WebSockets;
import network.mask.node.nymapistandin.NodeRouteModels.Wireguard;

/**
 * Everything one describe read, route by route, as nym-api keeps it ({@code UnwrappedResolvedNodeDescribedInfo}
 * and the host information, {@code nym-api/src/node_describe_cache/query_helpers.rs}); {@link #summary()}
 * is the part the topology and the config score use.
 *
 * @param auxiliaryDetailsServed false when the route failed and nym-api's defaults stand in for it
 * @param lewesProtocolServed    whether {@code /api/v1/lewes-protocol} answered 200 (its content is not read)
 */
record NodeDescription(NodeHealth health, SignedHostInformation hostInformation, BuildInformation buildInformation,
                       NodeRoles roles, AuxiliaryDetails auxiliaryDetails, boolean auxiliaryDetailsServed,
                       WebSockets mixnetWebsockets, Optional<ServiceProvider> networkRequester,
                       Optional<ServiceProvider> ipPacketRouter, Optional<ServiceProvider> authenticator,
                       Optional<Wireguard> wireguard, boolean lewesProtocolServed, DescribedNode summary) {}
