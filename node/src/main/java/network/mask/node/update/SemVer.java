package network.mask.node.update;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release version, {@code MAJOR.MINOR.PATCH[-pre]} (semver.org; build metadata is refused, a
 * release needs none). A pre-release sorts below its release; pre-release identifiers compare
 * numerically when both are numbers, else as text.
 */
public record SemVer(int major, int minor, int patch, String preRelease) implements Comparable<SemVer> {

    private static final Pattern FORM = Pattern.compile(
            "(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?");

    public SemVer {
        preRelease = preRelease == null ? "" : preRelease;
    }

    /** Parses a version; {@link IllegalArgumentException} names what is wrong. */
    public static SemVer parse(String text) {
        Matcher m = FORM.matcher(Objects.requireNonNull(text, "version"));
        if (!m.matches()) throw new IllegalArgumentException("not a version MAJOR.MINOR.PATCH[-pre]: '" + text + "'");
        return new SemVer(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(4));
    }

    /** A development build, never offered or accepted as a release. */
    public boolean isSnapshot() {
        return preRelease.toUpperCase(java.util.Locale.ROOT).contains("SNAPSHOT");
    }

    @Override
    public int compareTo(SemVer o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) c = Integer.compare(minor, o.minor);
        if (c == 0) c = Integer.compare(patch, o.patch);
        if (c != 0) return c;
        if (preRelease.isEmpty() || o.preRelease.isEmpty()) return Boolean.compare(preRelease.isEmpty(), o.preRelease.isEmpty());
        String[] a = preRelease.split("\\."), b = o.preRelease.split("\\.");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            boolean an = a[i].matches("\\d+"), bn = b[i].matches("\\d+");
            int d = an && bn ? Long.compare(Long.parseLong(a[i]), Long.parseLong(b[i]))
                    : an != bn ? (an ? -1 : 1) : a[i].compareTo(b[i]);
            if (d != 0) return d;
        }
        return Integer.compare(a.length, b.length);
    }

    public boolean isNewerThan(SemVer o) {
        return compareTo(o) > 0;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (preRelease.isEmpty() ? "" : "-" + preRelease);
    }
}
