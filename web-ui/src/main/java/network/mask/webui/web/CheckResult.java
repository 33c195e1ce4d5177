package network.mask.webui.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * A check's outcome held in the session for post/redirect/get: the step it belongs to, the form
 * values it ran with (not saved yet) and the result box. The redirect's {@code ?checked=} id ties
 * the page to this result, so a reload shows it again and opening the step afresh does not.
 */
record CheckResult(String id, SetupStep step, Map<String, String> values, String box) {

    static final String PARAMETER = "checked";
    private static final SecureRandom RANDOM = new SecureRandom();

    CheckResult {
        values = Map.copyOf(values);
    }

    static CheckResult of(SetupStep step, Map<String, String> values, String box) {
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        return new CheckResult(HexFormat.of().formatHex(id), step, values, box);
    }

    String path() {
        return step.path() + "?" + PARAMETER + "=" + id;
    }

    /** The values may hold a just-typed broker password: never printed. */
    @Override
    public String toString() {
        return "CheckResult[" + step + " " + id + "]";
    }

    boolean shows(SetupStep on, String checked) {
        return step == on && id.equals(checked);
    }
}
