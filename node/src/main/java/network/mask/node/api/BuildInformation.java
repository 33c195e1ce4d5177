package network.mask.node.api;

import java.util.Locale;
import java.util.Objects;

/**
 * The build as nym-node describes its own ({@code BinaryBuildInformationOwned},
 * {@code common/bin-common/src/build_information/mod.rs}); the field names are nym's, so nym-api
 * can read them. nym's compiler fields ({@code rustc_*}, {@code cargo_*}) say how this build was
 * really made: Mask Node, its own version, on Java. {@code ownVersion} is Mask Node's version,
 * never served as a nym field (the Prometheus build label shows it).
 */
public record BuildInformation(String binaryName, String buildTimestamp, String buildVersion, String commitSha,
                               String commitTimestamp, String commitBranch, String runtimeVersion,
                               String runtimeChannel, String buildProfile, String targetTriple,
                               String ownVersion) {

    /** This software's own name. */
    public static final String OWN_NAME = "masknode";

    public BuildInformation {
        Objects.requireNonNull(binaryName);
        Objects.requireNonNull(buildVersion);
        Objects.requireNonNull(ownVersion);
        buildTimestamp = orUnknown(buildTimestamp);
        commitSha = orUnknown(commitSha);
        commitTimestamp = orUnknown(commitTimestamp);
        commitBranch = orUnknown(commitBranch);
        runtimeVersion = orUnknown(runtimeVersion);
        runtimeChannel = orUnknown(runtimeChannel);
        buildProfile = orUnknown(buildProfile);
        targetTriple = orUnknown(targetTriple);
    }

    /** This binary under its own name: {@code masknode} at {@code version}, on the running JVM. */
    public static BuildInformation of(String version) {
        return describing(version, false);
    }

    /**
     * This binary as nym-api should see it. With {@code asNymNode} it is described as compatible with
     * {@link NymNodeRelease} ({@code binary_name} and {@code build_version} are the release's), and
     * {@code rustc_version} says openly that it is Mask Node {@code ownVersion} on Java; without, it
     * gives its own name and version only (nym-api then scores it 0).
     */
    public static BuildInformation describing(String ownVersion, boolean asNymNode) {
        Runtime.Version jvm = Runtime.version();
        String channel = jvm.pre().isPresent() ? "java-pre-release" : "java-stable";
        String triple = System.getProperty("os.arch", "unknown").toLowerCase(Locale.ROOT) + "-"
                + System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT).replace(' ', '_') + "-java";
        if (!asNymNode) {
            return new BuildInformation(OWN_NAME, null, ownVersion, null, null, null, "java " + jvm, channel,
                    "release", triple, ownVersion);
        }
        return new BuildInformation(NymNodeRelease.BINARY_NAME, null, NymNodeRelease.VERSION, null, null,
                null, selfStatement(ownVersion), channel, "release", triple, ownVersion);
    }

    /** What this build really is, in one line: {@code masknode 0.2.0 (Java 25.0.1+8)}. */
    public static String selfStatement(String ownVersion) {
        return OWN_NAME + " " + ownVersion + " (Java " + Runtime.version() + ")";
    }

    private static String orUnknown(String s) {
        return s == null || s.isEmpty() ? "unknown" : s;
    }
}
