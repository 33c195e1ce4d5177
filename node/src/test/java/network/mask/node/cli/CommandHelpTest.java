package network.mask.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --help} and {@code -h} on every command and subcommand: exit 0, that command's usage only. */
class CommandHelpTest {

    /** Each command line, and the start its usage must have. */
    static final Map<List<String>, String> USAGES = Map.ofEntries(
            Map.entry(List.of("run"), "Usage: masknode run [flags]"),
            Map.entry(List.of("keys"), "Usage: masknode keys show [flags]     print"),
            Map.entry(List.of("keys", "show"), "Usage: masknode keys show [flags]\nPrints"),
            Map.entry(List.of("keys", "rotate"), "Usage: masknode keys rotate [flags]\n"),
            Map.entry(List.of("config"), "Usage: masknode config check FILE     validate"),
            Map.entry(List.of("config", "check"), "Usage: masknode config check FILE\nValidates"),
            Map.entry(List.of("config", "show"), "Usage: masknode config show [flags]\n"),
            Map.entry(List.of("config", "defaults"), "Usage: masknode config defaults\n"),
            Map.entry(List.of("localnet"), "Usage: masknode localnet "),
            Map.entry(List.of("soak"), "Usage: masknode soak "),
            Map.entry(List.of("vectors"), "Usage: masknode vectors "),
            Map.entry(List.of("bench"), "Usage: masknode bench sphinx"),
            Map.entry(List.of("bench", "sphinx"), "Usage: masknode bench sphinx"));

    @Test
    void everyCommandAndSubcommandAnswersHelpAndDashH() {
        USAGES.forEach((command, start) -> {
            for (String flag : List.of("--help", "-h")) {
                String[] args = java.util.stream.Stream.concat(command.stream(), java.util.stream.Stream.of(flag)).toArray(String[]::new);
                CliRun r = CliRun.of(args);
                String what = String.join(" ", args);
                assertEquals(0, r.exitCode(), what + "\n" + r.err());
                assertTrue(r.out().startsWith(start), what + ":\n" + r.out());
                assertEquals("", r.err(), what);
                assertFalse(r.out().contains("Commands:"), what + " prints its own usage, not the list of commands");
            }
        });
    }

    @Test
    void helpComesBeforeTheCommandsOwnArguments() {
        CliRun check = CliRun.of("config", "check", "--help");
        assertFalse(check.out().contains("does not exist"), "not taken for a file name");
        CliRun keys = CliRun.of("keys", "show", "--data", "/nonexistent", "-h");
        assertEquals(0, keys.exitCode());
        assertFalse(keys.out().contains("--mqtt") || keys.out().contains("--admin-port"), "keys lists only the flags it reads:\n" + keys.out());
        assertTrue(keys.out().contains("--dev"), keys.out());
    }

    @Test
    void topLevelHelpAndHelpCommand() {
        CliRun h = CliRun.of("-h");
        assertEquals(0, h.exitCode());
        assertTrue(h.out().contains("Commands:"), h.out());
        CliRun helpKeys = CliRun.of("help", "keys");
        assertEquals(0, helpKeys.exitCode());
        assertTrue(helpKeys.out().startsWith("Usage: masknode keys show"), helpKeys.out());
        assertEquals(2, CliRun.of("frobnicate", "--help").exitCode(), "an unknown command stays an error");
    }

    @Test
    void theConsoleIsBriefOnATerminalAndWholeInTheJournalOrOnRequest() {
        assertTrue(ConsoleDetail.brief(false, true, Map.of()));
        assertFalse(ConsoleDetail.brief(true, true, Map.of()), "--verbose");
        assertFalse(ConsoleDetail.brief(false, true, Map.of("JOURNAL_STREAM", "8:1234")), "systemd's journal keeps the details");
        assertFalse(ConsoleDetail.brief(false, false, Map.of()), "a pipe or a file gets the whole log");
        assertTrue(ConsoleDetail.brief(false, false, Map.of(ConsoleDetail.ENV, "brief")));
        assertFalse(ConsoleDetail.brief(false, true, Map.of(ConsoleDetail.ENV, "verbose")));
    }
}
