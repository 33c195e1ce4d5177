package network.mask.node.telemetry;

/**
 * Every topic the telemetry uses, derived from the settings. Discovery lives under Home
 * Assistant's prefix; the node's own topics under {@code masknode/<node_id>/}, so a fleet of nodes
 * on one broker never collide and one ACL pattern covers a node.
 */
record Topics(String discoveryPrefix, String nodeId) {

    static final String ROOT = "masknode";
    static final String ONLINE = "online";
    static final String OFFLINE = "offline";

    static Topics of(MqttSettings settings) {
        return new Topics(settings.discoveryPrefix(), settings.nodeId());
    }

    /** Device-based discovery: one retained config for all of this node's entities. */
    String discoveryConfig() {
        return discoveryPrefix + "/device/" + nodeId + "/config";
    }

    /** Home Assistant's birth/will topic; "online" there means "send discovery again". */
    String homeAssistantStatus() {
        return discoveryPrefix + "/status";
    }

    String base() {
        return ROOT + "/" + nodeId;
    }

    String availability() {
        return base() + "/availability";
    }

    String state() {
        return base() + "/state";
    }

    String command(String name) {
        return base() + "/command/" + name;
    }

    String commandFilter() {
        return base() + "/command/+";
    }

    String event(String name) {
        return base() + "/event/" + name;
    }
}
