package network.mask.node.status;

/**
 * What can hold about the node, in the order an owner should deal with it: the first that holds
 * is the one the light and the headline show. Each names the page that fixes it and a short code
 * for the LEDs' degraded reasons and MQTT. The health conditions come after the network ones: a
 * hot box that is not on the network is first of all not on the network.
 */
public enum Condition {
    SETUP_NOT_FINISHED("setup-not-finished", Light.BLUE, "/setup/network", "Enter the internet address"),
    TERMS_NOT_ACCEPTED("terms-not-accepted", Light.AMBER, "/settings#section-terms", "Accept the operator terms"),
    NETWORK_NOT_ASKED("network-not-asked", Light.AMBER, "/setup/network", "See the network settings"),
    NETWORK_UNREACHABLE("network-unreachable", Light.AMBER, "/setup/network", "Check the box's internet connection"),
    NOT_DESCRIBED("not-described", Light.AMBER, "/setup/network", "Check the port forwarding"),
    NOT_BONDED("not-bonded", Light.AMBER, "/bonding", "Bond your node"),
    NOT_ACTIVE("not-active", Light.AMBER, "/dashboard#network", "See the network's view"),
    NOT_REACHED("not-reached", Light.AMBER, "/setup/network", "Check the port forwarding"),
    WORKING("working", Light.GREEN, "/dashboard#network", "See the network's view"),
    UNDER_VOLTAGE("under-voltage", Light.AMBER, "/dashboard#system", "See the system figures"),
    THROTTLED("throttled", Light.AMBER, "/dashboard#system", "See the system figures"),
    CPU_HOT("cpu-hot", Light.AMBER, "/dashboard#system", "See the system figures"),
    DISK_LOW("disk-low", Light.AMBER, "/dashboard#system", "See the system figures"),
    MEMORY_LOW("memory-low", Light.AMBER, "/dashboard#system", "See the system figures");

    private final String code;
    private final Light light;
    private final String fixPath;
    private final String fixLabel;

    Condition(String code, Light light, String fixPath, String fixLabel) {
        this.code = code;
        this.light = light;
        this.fixPath = fixPath;
        this.fixLabel = fixLabel;
    }

    /** Short machine name, e.g. {@code not-bonded}: the LEDs' degraded reason and MQTT's state value. */
    public String code() {
        return code;
    }

    public Light light() {
        return light;
    }

    /** The setup page path where the owner fixes it (or reads more). */
    public String fixPath() {
        return fixPath;
    }

    public String fixLabel() {
        return fixLabel;
    }

    /** Temperature, power, disk or memory: about the box, not about its place on the network. */
    public boolean isHealth() {
        return ordinal() > WORKING.ordinal();
    }
}
