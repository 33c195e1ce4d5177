package network.mask.node.api;

/**
 * The operator's public description, served as nym-node's {@code /api/v1/description}. Empty
 * strings where the operator gave nothing (nym-node does the same).
 */
public record NodeDescription(String moniker, String website, String securityContact, String details) {

    public NodeDescription {
        moniker = moniker == null ? "" : moniker;
        website = website == null ? "" : website;
        securityContact = securityContact == null ? "" : securityContact;
        details = details == null ? "" : details;
    }

    public static NodeDescription empty() {
        return new NodeDescription("", "", "", "");
    }
}
