package network.mask.node.update;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@link ServiceControl} through {@code systemctl} (the updater runs as root in its own unit). */
public final class SystemdServiceControl implements ServiceControl {

    private final String unit;

    public SystemdServiceControl(String unit) {
        this.unit = unit;
    }

    @Override
    public void restart() throws IOException {
        // --no-block: a Type=notify start would otherwise hold us until READY or TimeoutStartSec.
        run(List.of("systemctl", "restart", "--no-block", unit));
    }

    @Override
    public ServiceObservation observe() throws IOException {
        return ServiceObservation.parse(run(List.of("systemctl", "show", "-p", ServiceObservation.PROPERTIES, unit)));
    }

    private static String run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish");
            }
            if (p.exitValue() != 0) throw new IOException(String.join(" ", command) + " failed: " + out.strip());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
