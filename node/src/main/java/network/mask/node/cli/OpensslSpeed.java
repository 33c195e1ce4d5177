package network.mask.node.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code openssl speed -seconds N ecdhx25519} and reads its X25519 ops/s, the native reference. */
final class OpensslSpeed {

    /** e.g. {@code  253 bits ecdh (X25519)   0.0000s  38589.3} */
    private static final Pattern RESULT = Pattern.compile("\\(X25519\\)\\s+\\S+s\\s+([0-9.]+)\\s*$", Pattern.MULTILINE);

    private OpensslSpeed() {}

    /** Empty when openssl is missing, fails or prints something unexpected. */
    static OptionalDouble x25519OpsPerSecond(int seconds) {
        Process process;
        try {
            process = new ProcessBuilder("openssl", "speed", "-seconds", Integer.toString(seconds), "ecdhx25519")
                    .redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return OptionalDouble.empty();
        }
        try (InputStream in = process.getInputStream()) {
            String output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(seconds + 30L, TimeUnit.SECONDS) || process.exitValue() != 0) return OptionalDouble.empty();
            return parse(output);
        } catch (IOException e) {
            return OptionalDouble.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalDouble.empty();
        } finally {
            process.destroy();
        }
    }

    static OptionalDouble parse(String output) {
        Matcher m = RESULT.matcher(output);
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
    }
}
