package network.mask.node.telemetry;

/**
 * Every topic the telemetry uses, derived from the settings. Discovery lives under Home
 * Assistant's prefix; the node's own topics under {@code <topic_prefix>/<node_id>/} (default
 * {@code masknode/<node_id>/}), so a fleet of nodes on one broker never collide and one ACL
 * pattern covers a node. Device and entity unique ids do not depend on the prefix.
 */
record Topics(String discoveryPrefix, String root, String nodeId) {

    /** The default topic prefix, and the start of every device and entity unique id. */
    static final String ROOT = "masknode";
    static final String ONLINE = "online";
    static final String OFFLINE = "offline";

    static Topics of(MqttSettings settings) {
        return new Topics(settings.discoveryPrefix(), settings.topicPrefix(), settings.nodeId());
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
        return root + "/" + nodeId;
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
