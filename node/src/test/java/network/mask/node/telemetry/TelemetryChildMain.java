package network.mask.node.telemetry;

import java.time.Duration;

/**
 * Runs the telemetry in a separate JVM, as the node would, so a test can kill it with -9 and watch
 * the broker publish the Last Will. Prints "CONNECTED" once the broker accepted it.
 */
public final class TelemetryChildMain {

    private TelemetryChildMain() {}

    public static void main(String[] args) throws Exception {
        MqttTelemetry telemetry = new MqttTelemetry(TestDoubles.device(), new TestDoubles.Metrics(),
                new TestDoubles.Health(), new TestDoubles.Actions());
        telemetry.start();
        telemetry.reconfigure(MqttSettings.of(args[0], args[1]).withInterval(Duration.ofSeconds(1)));
        while (telemetry.status().state() != TelemetryState.CONNECTED) Thread.sleep(20);
        System.out.println("CONNECTED");
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(5));
    }
}
