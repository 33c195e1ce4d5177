package network.mask.node.nymapistandin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import network.mask.node.api.BuildInformation;
import network.mask.node.api.NymNodeRelease;
import network.mask.node.nymapistandin.NymNodeVersionHistory.Weights;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * nym-api's config score. The versions-behind figures are the known answers of nym's own test
 * ({@code versions_behind_factor} in {@code common/cosmwasm-smart-contracts/mixnet-contract/src/config_score.rs}).
 */
class ConfigScoreTest {

    static long behind(NymNodeVersionHistory chain, String version) {
        return chain.versionsBehind(version, Weights.DEFAULT);
    }

    @Test
    void versionsBehindMatchNymsKnownAnswers() {
        assertEquals(0, behind(NymNodeVersionHistory.of(), "1.1.13"), "no releases");

        NymNodeVersionHistory single = NymNodeVersionHistory.of("1.1.13");
        assertEquals(10, behind(single, "1.0.12"));
        assertEquals(100, behind(single, "0.1.12"));
        assertEquals(1, behind(single, "1.1.12"));
        assertEquals(4, behind(single, "1.1.9"));
        assertEquals(0, behind(single, "1.1.13"));
        assertEquals(0, behind(single, "1.1.14"));
        assertEquals(0, behind(single, "2.0.0"));
        assertEquals(100, behind(single, "1.1.15"), "cheating ahead");
        assertEquals(100, behind(single, "3.0.0"));

        NymNodeVersionHistory patches = NymNodeVersionHistory.of("1.1.13", "1.1.14", "1.1.15", "1.1.16");
        assertEquals(13, behind(patches, "1.0.12"));
        assertEquals(103, behind(patches, "0.1.12"));
        assertEquals(7, behind(patches, "1.1.9"));
        assertEquals(1, behind(patches, "1.1.15"));
        assertEquals(3, behind(patches, "1.1.13"));
        assertEquals(100, behind(patches, "1.1.18"));

        NymNodeVersionHistory minors = NymNodeVersionHistory.of("1.2.0", "1.3.0", "1.4.0");
        assertEquals(40, behind(minors, "1.0.12"));
        assertEquals(120, behind(minors, "0.1.12"));
        assertEquals(30, behind(minors, "1.1.12"));
        assertEquals(20, behind(minors, "1.2.1"));
        assertEquals(10, behind(minors, "1.3.3"));
        assertEquals(0, behind(minors, "1.5.0"));
        assertEquals(100, behind(minors, "1.4.2"));

        NymNodeVersionHistory mixed = NymNodeVersionHistory.of("1.1.13", "1.2.0", "1.2.1", "1.3.0", "1.3.1-importantpre",
                "1.3.1", "1.3.2", "1.4.0");
        assertEquals(44, behind(mixed, "1.0.12"));
        assertEquals(134, behind(mixed, "0.1.12"));
        assertEquals(38, behind(mixed, "1.1.9"));
        assertEquals(34, behind(mixed, "1.1.13"));
        assertEquals(13, behind(mixed, "1.3.0"));
        assertEquals(12, behind(mixed, "1.3.1-importantpre"));
        assertEquals(11, behind(mixed, "1.3.1"));
        assertEquals(21, behind(mixed, "1.2.3"));
        assertEquals(10, behind(mixed, "1.3.69"));

        NymNodeVersionHistory skippedMinor = NymNodeVersionHistory.of("1.1.13", "1.2.0", "1.2.1", "1.4.0", "1.5.0");
        assertEquals(20, behind(skippedMinor, "1.3.0"));
        assertEquals(31, behind(skippedMinor, "1.2.0"));
    }

    static DescribedNode node(String binary, String version, boolean terms) {
        return new DescribedNode("id", List.of(), Optional.empty(), 1789, new DescribedNode.AnnouncedKey(1, "k"),
                Optional.empty(), Optional.empty(), true, binary, version, terms);
    }

    @Test
    void scoreIsZeroUnlessNymNodeWithTermsAcceptedThenFallsWithVersionsBehind() {
        NymNodeVersionHistory chain = NymNodeVersionHistory.of("1.29.0", "1.30.0", "1.31.0");
        assertEquals(1.0, ConfigScore.of(node("nym-node", "1.31.0", true), chain).score());
        assertEquals(0.0, ConfigScore.of(node("nym-node", "1.31.0", false), chain).score());
        assertEquals(0.0, ConfigScore.of(node("masknode", "1.31.0", true), chain).score());
        // One minor behind: 0.995 ^ (10 ^ 1.65).
        assertEquals(Math.pow(0.995, Math.pow(10, 1.65)), ConfigScore.of(node("nym-node", "1.30.0", true), chain).score(), 1e-12);
        ConfigScore bad = ConfigScore.of(node("nym-node", "0.1.0-SNAPSHOT+x y", true), chain);
        assertEquals(0.0, bad.score());
        assertEquals(OptionalLong.empty(), bad.versionsBehind(), "ConfigScore::bad_semver");
        assertFalse(ConfigScore.unavailable().selfDescribedApiAvailable());
    }

    /** A version semver would rank far behind, or not parse at all, would cost the owner the whole score. */
    @Test
    void theVersionTheNodeDescribesIsCurrentAndParses() {
        BuildInformation described = BuildInformation.describing("0.1.0-SNAPSHOT", true);
        assertTrue(Semver.parses(described.buildVersion()), described.buildVersion());
        NymNodeVersionHistory chain = NymNodeVersionHistory.of("1.29.0", "1.30.0", NymNodeRelease.VERSION);
        assertEquals(0, behind(chain, described.buildVersion()));
        ConfigScore score = ConfigScore.of(node(described.binaryName(), described.buildVersion(), true), chain);
        assertEquals(1.0, score.score());
        assertTrue(score.runsNymNodeBinary());

        // Our own version would be far behind any nym-node release: that is why the node describes itself as the release.
        assertTrue(behind(chain, "0.1.0-SNAPSHOT") >= 100);
    }

    /** When nym's source is at hand, the release the node names is nym-node's version there. */
    @Test
    void theNamedReleaseIsNymNodesVersionInTheMirror() throws Exception {
        Path mirror = Path.of("/work/.mirror/nymtech+nym/repo");
        Assumptions.assumeTrue(Files.isDirectory(mirror), "no nym mirror here: skipped");
        Process git = new ProcessBuilder("git", "-C", mirror.toString(), "show", "HEAD:nym-node/Cargo.toml")
                .redirectErrorStream(true).start();
        String toml = new String(git.getInputStream().readAllBytes());
        Assumptions.assumeTrue(git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0, "cannot read the mirror: skipped");
        Matcher m = Pattern.compile("(?m)^version\\s*=\\s*\"([^\"]+)\"").matcher(toml);
        assertTrue(m.find(), toml);
        assertEquals(m.group(1), NymNodeRelease.VERSION);
    }

    @Test
    void semverOrdersAsTheRustCrate() {
        assertTrue(Semver.parse("1.3.1-importantpre").compareTo(Semver.parse("1.3.1")) < 0);
        assertTrue(Semver.parse("1.0.0-alpha.2").compareTo(Semver.parse("1.0.0-alpha.10")) < 0);
        assertTrue(Semver.parse("1.0.0-alpha").compareTo(Semver.parse("1.0.0-alpha.1")) < 0);
        assertTrue(Semver.parse("1.0.0-1").compareTo(Semver.parse("1.0.0-a")) < 0);
        for (String bad : List.of("1.31", "v1.31.0", "01.31.0", "1.31.0-", "1.31.0-01", " 1.31.0", "unknown")) {
            assertFalse(Semver.parses(bad), bad);
        }
    }

}
