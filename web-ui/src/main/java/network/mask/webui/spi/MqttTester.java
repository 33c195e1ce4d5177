package network.mask.webui.spi;

/** Tries to connect to a broker with the given (validated) settings, then disconnects. */
@FunctionalInterface
public interface MqttTester {

    /** Bounded by a few seconds; never throws for a broker that is down. */
    Result test(MqttSettings settings);

    /** @param ok whether connect succeeded; {@code message} says why not (e.g. "not authorised") */
    record Result(boolean ok, String message) {
    }
}
