package network.mask.webui.validation;

/** Length and character rules shared by the free-text fields. */
final class TextRules {

    private TextRules() {
    }

    /** Index of the first control character (newlines allowed if {@code multiLine}), or -1. */
    static int firstControl(String s, boolean multiLine) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean allowed = multiLine && (c == '\n' || c == '\r' || c == '\t');
            if (!allowed && (Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
                return i;
            }
        }
        return -1;
    }

    static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }
}
