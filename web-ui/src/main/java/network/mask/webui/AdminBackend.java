package network.mask.webui;

import java.util.Objects;

import network.mask.webui.spi.AdminCredentialStore;
import network.mask.webui.spi.BackupFiles;
import network.mask.webui.spi.BondingKeys;
import network.mask.webui.spi.ClaimAuthority;
import network.mask.webui.spi.DashboardSource;
import network.mask.webui.spi.MqttTester;
import network.mask.webui.spi.NodeControl;
import network.mask.webui.spi.NodeSettingsStore;
import network.mask.webui.spi.ReachabilityChecker;
import network.mask.webui.spi.TlsMaterialStore;
import network.mask.webui.spi.UpdateControl;

/** Everything the setup page needs from the node, as the small interfaces in {@code network.mask.webui.spi}. */
public record AdminBackend(
        AdminCredentialStore credentials,
        ClaimAuthority claim,
        NodeSettingsStore settings,
        ReachabilityChecker reachability,
        MqttTester mqtt,
        DashboardSource dashboard,
        NodeControl control,
        BackupFiles backupFiles,
        BondingKeys bondingKeys,
        TlsMaterialStore tlsMaterial,
        UpdateControl updates) {

    public AdminBackend {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(reachability, "reachability");
        Objects.requireNonNull(mqtt, "mqtt");
        Objects.requireNonNull(dashboard, "dashboard");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(backupFiles, "backupFiles");
        Objects.requireNonNull(bondingKeys, "bondingKeys");
        Objects.requireNonNull(tlsMaterial, "tlsMaterial");
        Objects.requireNonNull(updates, "updates");
    }

    /** Without the box's updater (a developer PC): the updates page says so. */
    public AdminBackend(AdminCredentialStore credentials, ClaimAuthority claim, NodeSettingsStore settings,
                        ReachabilityChecker reachability, MqttTester mqtt, DashboardSource dashboard, NodeControl control,
                        BackupFiles backupFiles, BondingKeys bondingKeys, TlsMaterialStore tlsMaterial) {
        this(credentials, claim, settings, reachability, mqtt, dashboard, control, backupFiles, bondingKeys, tlsMaterial,
                UpdateControl.NONE);
    }
}
