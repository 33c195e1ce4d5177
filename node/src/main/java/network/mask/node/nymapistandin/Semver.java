package network.mask.node.nymapistandin;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version as Rust's {@code semver} crate (1.x) parses, prints and orders it: {@code MAJOR.MINOR.PATCH}
 * without leading zeros, an optional {@code -pre-release} and {@code +build}; a version with a
 * pre-release sorts before the same version without one. nym-api parses {@code build_version} with it
 * and scores a node whose version does not parse 0 ({@code ConfigScore::bad_semver}).
 */
record Semver(long major, long minor, long patch, String pre, String build) implements Comparable<Semver> {

    private static final String NUM = "(0|[1-9][0-9]*)";
    private static final String IDENT = "[0-9A-Za-z-]+";
    private static final Pattern SYNTAX = Pattern.compile(
            NUM + "\\." + NUM + "\\." + NUM + "(?:-(" + IDENT + "(?:\\." + IDENT + ")*))?(?:\\+(" + IDENT + "(?:\\." + IDENT + ")*))?");

    /** @throws IllegalArgumentException when semver would not parse it */
    static Semver parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) throw new IllegalArgumentException("not a semantic version: \"" + text + "\"");
        String pre = m.group(4) == null ? "" : m.group(4);
        for (String id : pre.isEmpty() ? new String[0] : pre.split("\\.")) {
            if (id.length() > 1 && id.startsWith("0") && id.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("not a semantic version (leading zero in pre-release): \"" + text + "\"");
            }
        }
        try {
            return new Semver(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), pre,
                    m.group(5) == null ? "" : m.group(5));
        } catch (NumberFormatException tooBig) {
            throw new IllegalArgumentException("not a semantic version (number out of range): \"" + text + "\"");
        }
    }

    static boolean parses(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public int compareTo(Semver o) {
        int c = Long.compare(major, o.major);
        if (c == 0) c = Long.compare(minor, o.minor);
        if (c == 0) c = Long.compare(patch, o.patch);
        if (c == 0) {
            if (pre.isEmpty() != o.pre.isEmpty()) return pre.isEmpty() ? 1 : -1;   // 1.0.0-rc < 1.0.0
            c = identifiers(pre, o.pre);
        }
        if (c == 0) c = identifiers(build, o.build);   // semver orders build metadata too (empty first)
        return c;
    }

    private static int identifiers(String a, String b) {
        List<String> x = split(a);
        List<String> y = split(b);
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            String p = x.get(i);
            String q = y.get(i);
            boolean pn = p.chars().allMatch(Character::isDigit);
            boolean qn = q.chars().allMatch(Character::isDigit);
            int c;
            if (pn && qn) c = p.length() != q.length() ? Integer.compare(p.length(), q.length()) : p.compareTo(q);
            else if (pn) c = -1;   // numeric identifiers sort before alphanumeric ones
            else if (qn) c = 1;
            else c = p.compareTo(q);
            if (c != 0) return c;
        }
        return Integer.compare(x.size(), y.size());
    }

    private static List<String> split(String s) {
        return s.isEmpty() ? List.of() : new ArrayList<>(List.of(s.split("\\.")));
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (pre.isEmpty() ? "" : "-" + pre) + (build.isEmpty() ? "" : "+" + build);
    }
}
