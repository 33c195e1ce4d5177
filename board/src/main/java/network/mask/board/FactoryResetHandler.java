package network.mask.board;

/**
 * Carries out a factory reset once the owner has held the button for 10 s. Implemented by the
 * node; called once per hold, on the board's thread: hand the work off and return quickly.
 */
@FunctionalInterface
public interface FactoryResetHandler {
    void onFactoryResetRequested();
}
