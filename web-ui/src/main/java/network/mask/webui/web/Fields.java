package network.mask.webui.web;

import static network.mask.webui.web.Html.esc;

import network.mask.webui.validation.FieldErrors;
import network.mask.webui.validation.PasswordRules;

/**
 * Form controls, each with its own {@code <label>}, an optional hint and the field's error
 * message tied to it with {@code aria-describedby}.
 */
final class Fields {

    private Fields() {
    }

    /** A text-like input; {@code extra} is raw attribute text written by our own code only. */
    static String input(String name, String type, String label, String value, String hint, FieldErrors errors, String extra) {
        String error = errors.get(name).orElse(null);
        StringBuilder sb = new StringBuilder("<div class=\"field\">");
        sb.append("<label for=\"").append(name).append("\">").append(esc(label)).append("</label>");
        boolean password = type.equals("password");
        if (password) {
            sb.append("<div class=\"password-row\">");
        }
        sb.append("<input id=\"").append(name).append("\" name=\"").append(name).append("\" type=\"").append(type).append('"');
        if (value != null && !value.isEmpty()) {
            // For password fields this is only ever what the visitor just typed, never a stored secret.
            sb.append(" value=\"").append(esc(value)).append('"');
        }
        sb.append(describedBy(name, hint, error));
        if (error != null) {
            sb.append(" aria-invalid=\"true\"");
        }
        if (extra != null && !extra.isEmpty()) {
            sb.append(' ').append(extra);
        }
        sb.append('>');
        if (password) {
            sb.append(showToggle(name, label)).append("</div>");
        }
        appendHintAndError(sb, name, hint, error);
        return sb.append("</div>").toString();
    }

    /**
     * A toggle that shows what was typed in a password field. Hidden until app.js wires it, so
     * without script there is no button that does nothing; its name stays the same and
     * {@code aria-pressed} says whether the password is shown.
     */
    private static String showToggle(String name, String label) {
        return "<button type=\"button\" class=\"show-password secondary\" id=\"" + name + "-show\" data-show=\"" + name
                + "\" aria-controls=\"" + name + "\" aria-pressed=\"false\" aria-label=\"Show " + esc(lowerFirst(label))
                + "\" hidden>Show</button>";
    }

    private static String lowerFirst(String label) {
        return label.isEmpty() ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }

    /** A new admin password and its repeat, with the rule as a hint (claim and change-password pages). */
    static String newPassword(String name, String label, String confirmName, String confirmLabel, FieldErrors errors) {
        return input(name, "password", label, null,
                "At least " + PasswordRules.MIN + " characters. A few random words work well.", errors,
                "autocomplete=\"new-password\" required minlength=\"" + PasswordRules.MIN + "\"")
                + input(confirmName, "password", confirmLabel, null, null, errors, "autocomplete=\"new-password\" required");
    }

    static String textarea(String name, String label, String value, String hint, FieldErrors errors, String extra) {
        String error = errors.get(name).orElse(null);
        StringBuilder sb = new StringBuilder("<div class=\"field\">");
        sb.append("<label for=\"").append(name).append("\">").append(esc(label)).append("</label>");
        sb.append("<textarea id=\"").append(name).append("\" name=\"").append(name).append('"')
                .append(describedBy(name, hint, error));
        if (error != null) {
            sb.append(" aria-invalid=\"true\"");
        }
        if (extra != null && !extra.isEmpty()) {
            sb.append(' ').append(extra);
        }
        sb.append('>').append(esc(value)).append("</textarea>");
        appendHintAndError(sb, name, hint, error);
        return sb.append("</div>").toString();
    }

    static String checkbox(String name, String label, boolean checked, String hint, FieldErrors errors) {
        String error = errors.get(name).orElse(null);
        StringBuilder sb = new StringBuilder("<div class=\"field check\">");
        sb.append("<input id=\"").append(name).append("\" name=\"").append(name).append("\" type=\"checkbox\" value=\"on\"");
        if (checked) {
            sb.append(" checked");
        }
        sb.append(describedBy(name, hint, error));
        if (error != null) {
            sb.append(" aria-invalid=\"true\"");
        }
        sb.append('>');
        sb.append("<label for=\"").append(name).append("\">").append(esc(label)).append("</label>");
        appendHintAndError(sb, name, hint, error);
        return sb.append("</div>").toString();
    }

    /** A read-only value with a copy button (the button has visible text naming what it copies). */
    static String copyable(String id, String label, String value) {
        return "<div class=\"field copy\"><label for=\"" + id + "\">" + esc(label) + "</label>"
                + "<div class=\"copy-row\"><input id=\"" + id + "\" type=\"text\" readonly value=\"" + esc(value) + "\">"
                + "<button type=\"button\" class=\"copy-button\" data-copy=\"" + id + "\" aria-label=\"Copy "
                + esc(label) + "\">Copy</button></div></div>";
    }

    static String csrf(String token) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(token) + "\">";
    }

    /** A summary at the top of a form so screen-reader and phone users see that something failed. */
    static String errorSummary(FieldErrors errors) {
        if (errors.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("<div class=\"notice error\" role=\"alert\"><p>Please fix the following:</p><ul>");
        errors.all().forEach((field, message) ->
                sb.append("<li><a href=\"#").append(esc(field)).append("\">").append(esc(message)).append("</a></li>"));
        return sb.append("</ul></div>").toString();
    }

    private static String describedBy(String name, String hint, String error) {
        String ids = (hint != null ? name + "-hint " : "") + (error != null ? name + "-error" : "");
        return ids.isBlank() ? "" : " aria-describedby=\"" + ids.strip() + "\"";
    }

    private static void appendHintAndError(StringBuilder sb, String name, String hint, String error) {
        if (hint != null) {
            sb.append("<p class=\"hint\" id=\"").append(name).append("-hint\">").append(esc(hint)).append("</p>");
        }
        if (error != null) {
            sb.append("<p class=\"field-error\" id=\"").append(name).append("-error\">").append(esc(error)).append("</p>");
        }
    }
}
