package network.mask.node.telemetry;

import java.util.Objects;

/**
 * One Home Assistant entity of the node: a component of the device discovery config. {@code key}
 * is both the component id and the field of the state JSON it reads; buttons have a command name
 * instead. Nullable fields are left out of the config.
 */
record Entity(String key, String platform, String name, String deviceClass, String stateClass, String unit,
              String entityCategory, String icon, Integer displayPrecision, String command, boolean enabledByDefault) {

    static final String SENSOR = "sensor";
    static final String BINARY_SENSOR = "binary_sensor";
    static final String BUTTON = "button";
    /** Home Assistant's update platform: state from the state JSON's object, "Install" as a command. */
    static final String UPDATE = "update";

    Entity(String key, String platform, String name, String deviceClass, String stateClass, String unit,
           String entityCategory, String icon, Integer displayPrecision, String command) {
        this(key, platform, name, deviceClass, stateClass, unit, entityCategory, icon, displayPrecision, command, true);
    }

    Entity {
        Objects.requireNonNull(key);
        Objects.requireNonNull(platform);
        Objects.requireNonNull(name);
        if (!key.matches("[a-z0-9_]+")) throw new IllegalArgumentException("entity key must be [a-z0-9_]+: " + key);
        if ((platform.equals(BUTTON) || platform.equals(UPDATE)) != (command != null)) {
            throw new IllegalArgumentException("buttons and updates, and only they, have a command");
        }
    }

    /** A niche entity: listed under the device's diagnostics and off until the owner turns it on. */
    Entity hiddenDiagnostic() {
        return new Entity(key, platform, name, deviceClass, stateClass, unit, "diagnostic", icon, displayPrecision, command, false);
    }

    /** Whether the entity's value is refreshed with each state message (so it may expire when they stop). */
    boolean readsLiveState() {
        return command == null && !"timestamp".equals(deviceClass) && !EntityCatalog.VERSION.equals(key);
    }

    static Entity counter(String key, String name, String icon) {
        return new Entity(key, SENSOR, name, null, "total_increasing", "packets", null, icon, 0, null);
    }

    static Entity gauge(String key, String name, String unit, String icon, Integer precision) {
        return new Entity(key, SENSOR, name, null, "measurement", unit, null, icon, precision, null);
    }

    static Entity classed(String key, String name, String deviceClass, String unit, Integer precision) {
        return new Entity(key, SENSOR, name, deviceClass, "measurement", unit, null, null, precision, null);
    }

    static Entity button(String command, String name, String deviceClass) {
        return new Entity(command, BUTTON, name, deviceClass, null, null, "config", null, null, command);
    }
}
