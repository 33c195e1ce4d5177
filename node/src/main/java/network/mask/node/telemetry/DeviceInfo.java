package network.mask.node.telemetry;

import java.util.Objects;

/**
 * How this node describes itself to Home Assistant's device registry.
 *
 * @param name             display name of the device, e.g. "Mask Node living room"
 * @param softwareVersion  firmware version, shown as the device's and the origin's {@code sw}
 * @param hardwareVersion  board model, e.g. "Raspberry Pi 5 Model B Rev 1.0", or null
 * @param identityKey      base58 ed25519 identity key, used as the serial number, or null
 * @param configurationUrl where the owner configures the node, e.g. {@code http://masknode.local/}, or null
 * @param supportUrl       the project's support page, shown as the discovery origin's url, or null
 */
public record DeviceInfo(String name, String softwareVersion, String hardwareVersion, String identityKey,
                         String configurationUrl, String supportUrl) {

    public static final String MANUFACTURER = "Mask Network";
    public static final String MODEL = "Mask Node";
    public static final String ORIGIN_NAME = "Mask Node";

    public DeviceInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(softwareVersion, "softwareVersion");
        requireHttp(configurationUrl, "configuration URL");
        requireHttp(supportUrl, "support URL");
    }

    private static void requireHttp(String url, String what) {
        if (url != null && !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new IllegalArgumentException(what + " must be http:// or https://: " + url);
        }
    }
}
