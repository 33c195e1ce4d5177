package network.mask.node.update;

import java.io.IOException;

/** Restarts and watches the node's unit; {@link SystemdServiceControl} on the box. */
public interface ServiceControl {

    /** Asks for a restart and returns at once (the gate does the waiting, with its own deadline). */
    void restart() throws IOException;

    ServiceObservation observe() throws IOException;
}
