package network.mask.node.api;

import java.util.Objects;

/**
 * The build as nym-node describes its own ({@code BinaryBuildInformationOwned}); the field names
 * are nym's, so nym-api can read them. Nym's rustc fields carry the Java runtime here.
 */
public record BuildInformation(String binaryName, String buildTimestamp, String buildVersion, String commitSha,
                               String commitTimestamp, String commitBranch, String runtimeVersion,
                               String runtimeChannel, String buildProfile) {

    public BuildInformation {
        Objects.requireNonNull(binaryName);
        Objects.requireNonNull(buildVersion);
        buildTimestamp = orUnknown(buildTimestamp);
        commitSha = orUnknown(commitSha);
        commitTimestamp = orUnknown(commitTimestamp);
        commitBranch = orUnknown(commitBranch);
        runtimeVersion = orUnknown(runtimeVersion);
        runtimeChannel = orUnknown(runtimeChannel);
        buildProfile = orUnknown(buildProfile);
    }

    /** This binary: {@code masknode} at {@code version}, on the running JVM; git details unknown. */
    public static BuildInformation of(String version) {
        Runtime.Version jvm = Runtime.version();
        return new BuildInformation("masknode", null, version, null, null, null, "java " + jvm,
                jvm.pre().isPresent() ? "pre-release" : "stable", "release");
    }

    private static String orUnknown(String s) {
        return s == null || s.isEmpty() ? "unknown" : s;
    }
}
