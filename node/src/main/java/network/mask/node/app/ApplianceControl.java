package network.mask.node.app;

import java.time.Duration;
import network.mask.board.Board;
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

    public ApplianceControl(Appliance appliance, Board board, FactoryReset reset) {
        this.appliance = appliance;
        this.board = board;
        this.reset = reset;
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
        appliance.requestRestart("factory reset", reset);
    }
}
