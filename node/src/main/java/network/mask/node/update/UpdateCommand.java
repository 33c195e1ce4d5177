package network.mask.node.update;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code masknode update status|check|install|auto|run} (docs/updates.md, "Commands"). */
public final class UpdateCommand {

    public static final String USAGE = "update status|check|install [VERSION]|auto on|off|run [--config FILE]\n"
            + "                            see and steer the box's own updates (docs/updates.md)";
    static final Path IMAGE_DIR = Path.of("/usr/lib/masknode");
    /** A failure this code handled; the launcher falls back to the image's updater on any other non-zero code. */
    static final int HANDLED_FAILURE = 3;

    private UpdateCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>();
        Path config = null;
        Path imageDir = IMAGE_DIR;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> config = Path.of(value(args, ++i));
                case "--image-dir" -> imageDir = Path.of(value(args, ++i));
                default -> rest.add(args[i]);
            }
        }
        if (rest.isEmpty()) {
            err.println("usage: masknode " + USAGE);
            return 2;
        }
        try {
            UpdateSettings settings = config == null ? UpdateSettings.load()
                    : UpdateSettings.load(UpdateSettings.IMAGE_DEFAULTS, UpdateSettings.OWNER_OVERRIDES, config);
            return switch (rest.getFirst()) {
                case "status" -> status(settings, out);
                case "check" -> check(settings, imageDir, out);
                case "install" -> request(settings, out, UpdateRequest.read(settings.requestFile())
                        .withInstall(rest.size() > 1 ? SemVer.parse(rest.get(1)).toString() : "latest"));
                case "auto" -> {
                    if (rest.size() != 2 || !(rest.get(1).equals("on") || rest.get(1).equals("off"))) {
                        err.println("usage: masknode update auto on|off");
                        yield 2;
                    }
                    yield request(settings, out, UpdateRequest.read(settings.requestFile()).withAutomatic(rest.get(1).equals("on")));
                }
                case "run" -> {
                    UpdateState s = new Updater(settings, imageDir, new SystemdServiceControl(settings.service()), StepListener.NONE,
                            Clock.systemUTC(), d -> Thread.sleep(d), Duration.ofSeconds(2)).run();
                    out.println(UpdateStatusText.of(s));
                    yield 0;
                }
                default -> {
                    err.println("masknode update: unknown command '" + rest.getFirst() + "'\nusage: masknode " + USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println("masknode update: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("masknode update: " + e.getMessage());
            return HANDLED_FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static int status(UpdateSettings settings, PrintStream out) throws IOException {
        UpdateState state = UpdateState.read(settings.layout().stateFile());
        UpdateRequest request = UpdateRequest.read(settings.requestFile());
        out.println(UpdateStatusText.of(state));
        out.println("Install automatically: " + (request.automatic() ? "on" : "off"));
        if (settings.feedUrl().isEmpty()) out.println("Updates: off (" + UpdateError.NO_FEED.plainWords() + ")");
        return 0;
    }

    private static int check(UpdateSettings settings, Path imageDir, PrintStream out) throws IOException {
        UpdateState state = new Updater(settings, imageDir, null, StepListener.NONE, Clock.systemUTC(), d -> { }, Duration.ZERO).checkNow();
        out.println(UpdateStatusText.of(state));
        return state.lastCheck != null && state.lastCheck.ok() ? 0 : 1;
    }

    private static int request(UpdateSettings settings, PrintStream out, UpdateRequest wish) throws IOException {
        if (!Files.isDirectory(settings.requestFile().getParent())) {
            throw new IOException(settings.requestFile().getParent() + " does not exist: is the node installed here?");
        }
        wish.stampedAndWritten(settings.requestFile());
        out.println(wish.install().isEmpty() ? "Install automatically: " + (wish.automatic() ? "on" : "off")
                : "Asked for " + wish.install() + "; masknode-update.service installs it now. Follow with: masknode update status");
        return 0;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) throw new IllegalArgumentException(args[i - 1] + " needs a value");
        return args[i];
    }
}
