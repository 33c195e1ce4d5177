package network.mask.node.app;

import java.time.Duration;
import network.mask.board.Board;
import network.mask.node.maintenance.FactoryReset;
import network.mask.node.telemetry.NodeActions;
import network.mask.webui.spi.NodeControl;

/**
 * The owner's actions, from the setup page, MQTT (Home Assistant buttons) and the box's button.
 * Each returns at once: restart and factory reset run on the appliance's restart thread.
 */
public final class ApplianceControl implements NodeControl, NodeActions {

    /** How long "identify" blinks the LEDs. */
    public static final Duration IDENTIFY_FOR = Duration.ofSeconds(30);

    private final Appliance appliance;
    private final Board board;
    private final FactoryReset reset;
    private volatile Runnable beforeReset = () -> {};

    public ApplianceControl(Appliance appliance, Board board, FactoryReset reset) {
        this.appliance = appliance;
        this.board = board;
        this.reset = reset;
    }

    /** Runs first on a factory reset, while the node and its connections are still up. */
    public void beforeFactoryReset(Runnable action) {
        this.beforeReset = action;
    }

    @Override
    public void restart() {
        appliance.requestRestart("requested by the owner");
    }

    @Override
    public void identify() {
        board.identify(IDENTIFY_FOR);
    }

    @Override
    public void stopIdentifying() {
        board.identify(Duration.ZERO);
    }

    /** Stops the node, erases (see {@link FactoryReset}) and starts again unclaimed with new keys. */
    @Override
    public void factoryReset() {
        beforeReset.run();   // while the node still runs: e.g. remove its device from Home Assistant
        appliance.requestRestart("factory reset", reset);
    }
}
