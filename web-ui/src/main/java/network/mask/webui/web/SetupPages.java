package network.mask.webui.web;

import static network.mask.webui.web.Html.esc;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import network.mask.webui.security.Session;
import network.mask.webui.spi.MqttSettings;
import network.mask.webui.spi.MqttTester;
import network.mask.webui.spi.NodeSettings;
import network.mask.webui.spi.SettingsRefusedException;
import network.mask.webui.spi.ReachabilityChecker;
import network.mask.webui.validation.FieldErrors;
import network.mask.webui.validation.SettingsValidator;

/**
 * The setup wizard. Each step validates its own fields on the server and applies them at once,
 * so an owner who stops half-way keeps what they entered; the same pages serve as "Settings" later.
 */
final class SetupPages {

    private static final System.Logger LOG = System.getLogger(SetupPages.class.getName());

    private final AdminContext ctx;
    private final KeysPage keysPage;

    SetupPages(AdminContext ctx) {
        this.ctx = ctx;
        this.keysPage = new KeysPage(ctx);
    }

    void register(HttpRules rules) {
        rules.get("/setup", (req, res) -> Respond.redirect(res, SetupStep.NODE.path()));
        for (SetupStep step : SetupStep.values()) {
            if (step != SetupStep.KEYS) {
                rules.get(step.path(), (req, res) -> show(req, res, step));
                rules.post(step.path(), Posts.csrfChecked(ctx, (req, res, visit, session, form) -> save(res, visit, session, form, step)));
            }
        }
        rules.post("/setup/network/check", Posts.csrfChecked(ctx, this::checkReachability));
        rules.post("/setup/mqtt/test", Posts.csrfChecked(ctx, this::testMqtt));
        keysPage.register(rules);
    }

    private void show(ServerRequest req, ServerResponse res, SetupStep step) {
        Visit visit = Posts.visit(req);
        Session session = visit.session().orElseThrow();
        // After "Check reachability" or "Test connection": the result and the values it was run with.
        String checked = req.query().first(CheckResult.PARAMETER).orElse("");
        Optional<CheckResult> held = session.checkResult(CheckResult.class).filter(r -> r.shows(step, checked));
        Map<String, String> values = held.map(CheckResult::values).orElseGet(() -> SettingsForm.values(ctx.backend.settings().read()));
        Respond.html(res, Status.OK_200, page(step, visit, session, values, new FieldErrors(), held.map(CheckResult::box).orElse("")));
    }

    /** Post/redirect/get: the address bar shows a page a reload can fetch again without checking again. */
    private static void showResult(ServerResponse res, Session session, SetupStep step, Map<String, String> values, String box) {
        CheckResult result = CheckResult.of(step, values, box);
        session.holdCheckResult(result);
        Respond.redirect(res, result.path());
    }

    private void save(ServerResponse res, Visit visit, Session session, Form form, SetupStep step) {
        NodeSettings current = ctx.backend.settings().read();
        FieldErrors errors = new FieldErrors();
        NodeSettings next = validate(step, current, form, errors);
        if (next == null) {
            Respond.invalid(ctx, res, page(step, visit, session, posted(step, form), errors, ""));
            return;
        }
        try {
            ctx.backend.settings().apply(next);
        } catch (SettingsRefusedException e) {
            // The form let through what the node's config refuses: say so plainly, never a 500.
            ctx.counters.refusedSettings();
            LOG.log(System.Logger.Level.WARNING, "the node refused settings from the setup page: " + e.getMessage());
            String notice = "<div class=\"notice error\" role=\"alert\">The node refused these settings: "
                    + Html.esc(e.getMessage()) + ". Nothing was changed.</div>";
            Respond.invalid(ctx, res, page(step, visit, session, posted(step, form), errors, notice));
            return;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "could not save settings", e);
            String notice = "<div class=\"notice error\" role=\"alert\">The node could not save these settings. "
                    + "Nothing was changed; try again, and check the log if it keeps failing.</div>";
            Respond.html(res, Status.INTERNAL_SERVER_ERROR_500, page(step, visit, session, posted(step, form), errors, notice));
            return;
        }
        // Shown on the next step, so it names the step it is about.
        session.flash(step.title.replace(" (optional)", "") + ": saved.");
        Respond.redirect(res, step.next().path());
    }

    private NodeSettings validate(SetupStep step, NodeSettings current, Form form, FieldErrors errors) {
        SettingsValidator v = ctx.validator();
        return switch (step) {
            case NODE -> v.identity(current, form::get, errors);
            case NETWORK -> v.network(current, form::get, errors);
            // Optional: an owner without a Nym wallet yet still reaches the later steps.
            case WALLET -> form.get("wallet") == null || form.get("wallet").isBlank() ? current.withWallet("")
                    : v.wallet(current, form::get, errors);
            case MQTT -> v.mqtt(current, form::get, errors);
            case LED -> v.led(current, form::get, errors);
            case KEYS -> throw new IllegalArgumentException("the keys page has no settings");
        };
    }

    private void checkReachability(ServerRequest req, ServerResponse res, Visit visit, Session session, Form form) {
        FieldErrors errors = new FieldErrors();
        NodeSettings candidate = ctx.validator().network(ctx.backend.settings().read(), form::get, errors);
        if (candidate == null) {
            Respond.invalid(ctx, res, page(SetupStep.NETWORK, visit, session, posted(SetupStep.NETWORK, form), errors, ""));
            return;
        }
        String host = candidate.publicHost();
        ReachabilityChecker.Verdict mix = ctx.backend.reachability().check(host, candidate.mixPort());
        ReachabilityChecker.Verdict api = ctx.backend.reachability().check(host, candidate.apiPort());
        boolean ok = mix.reachable() && api.reachable();
        StringBuilder box = new StringBuilder("<div class=\"notice ").append(ok ? "ok" : "error")
                .append("\" role=\"status\" id=\"reachability\"><p><strong>")
                .append(ok ? "The box reached its own address." : "The box could not reach its own address.").append("</strong></p><ul>");
        box.append(verdictLine("Mix port", host, candidate.mixPort(), mix));
        box.append(verdictLine("API port", host, candidate.apiPort(), api));
        box.append("</ul>");
        if (!ok) {
            box.append("<p>On your router, ").append(ctx.backend.reachability().routerRule()
                            .map(r -> esc(r.sentence()) + " (this box)").orElse("forward the TCP ports above to this box"))
                    .append(", then check again. Some routers cannot "
                    + "connect to their own public address from inside; if yours is one, the node may still be reachable "
                    + "from the internet.</p>");
        }
        // A connect from inside proves only the router's forwarding from inside, never that the internet reaches the node.
        box.append("<p class=\"hint\">This is a check from inside your home network, not proof that the internet reaches "
                + "the node: the dashboard shows that, once the network's directory or a mix node has connected from outside.</p>");
        box.append("<p class=\"hint\">Nothing is saved until you press Save and continue.</p></div>");
        showResult(res, session, SetupStep.NETWORK, posted(SetupStep.NETWORK, form), box.toString());
    }

    private static String verdictLine(String label, String host, int port, ReachabilityChecker.Verdict v) {
        // The detail already names host and port when there is one: say them once.
        String target = host + ":" + port;
        String detail = v.detail().isEmpty() || v.detail().startsWith("connected to") ? "" : v.detail();
        return "<li>" + esc(label) + " " + port + ": " + (v.reachable() ? "the box connected to " + esc(target)
                : detail.contains(target) ? esc(detail)
                : "could not connect to " + esc(target) + (detail.isEmpty() ? "" : " (" + esc(detail) + ")")) + "</li>";
    }

    private void testMqtt(ServerRequest req, ServerResponse res, Visit visit, Session session, Form form) {
        FieldErrors errors = new FieldErrors();
        MqttSettings settings = ctx.validator().mqttSettings(ctx.backend.settings().read().mqtt(), form::get, errors);
        if (settings != null && !settings.enabled()) {
            errors.add("mqttUrl", "Enter the broker address to test.");
        }
        if (!errors.isEmpty()) {
            Respond.invalid(ctx, res, page(SetupStep.MQTT, visit, session, posted(SetupStep.MQTT, form), errors, ""));
            return;
        }
        MqttTester.Result result = ctx.backend.mqtt().test(settings);
        String box = "<div class=\"notice " + (result.ok() ? "ok" : "error") + "\" role=\"status\" id=\"mqtt-result\"><p>"
                + esc(MqttWords.testResult(result, settings)) + "</p><p class=\"hint\">Nothing is saved until you press Save and continue.</p></div>";
        showResult(res, session, SetupStep.MQTT, posted(SetupStep.MQTT, form), box);
    }

    private static Map<String, String> posted(SetupStep step, Form form) {
        return switch (step) {
            case NODE -> SettingsForm.values(form, "name", "description");
            case NETWORK -> SettingsForm.values(form, "publicHost", "mixPort", "apiPort");
            case WALLET -> SettingsForm.values(form, "wallet");
            case MQTT -> SettingsForm.values(form, "mqttUrl", "mqttUser", "mqttPassword");
            case LED -> SettingsForm.values(form, "ledBrightness", "ledOn");
            case KEYS -> Map.of();
        };
    }

    private String page(SetupStep step, Visit visit, Session session, Map<String, String> v, FieldErrors errors, String result) {
        StringBuilder body = new StringBuilder();
        body.append(progress(step)).append(stepList(step));
        if (step == SetupStep.NODE && !SettingsForm.complete(ctx.backend.settings().read())) {
            body.append("<p class=\"notice info\" id=\"restore-offer\">Rebuilding a node you had before? "
                    + "<a href=\"#restore-backup\">Restore its backup</a> instead of starting afresh: its keys, name and "
                    + "settings come back, and the password you just chose stays.</p>");
        }
        body.append(Fields.errorSummary(errors))
                .append("<form method=\"post\" action=\"").append(step.path()).append("\" accept-charset=\"utf-8\" novalidate>")
                .append(Fields.csrf(session.csrfToken()));
        String extraButton = "";
        switch (step) {
            case NODE -> body.append("<p>The name and description are public: the network shows them to anyone looking at your node.</p>")
                    .append(Fields.input("name", "text", "Node name", v.get("name"), "Up to " + SettingsValidator.NAME_MAX
                            + " characters.", errors, "maxlength=\"" + SettingsValidator.NAME_MAX + "\" required"))
                    .append(Fields.textarea("description", "Description (optional)", v.get("description"),
                            "Who runs this node, for example. Up to " + SettingsValidator.DESCRIPTION_MAX
                                    + " characters, one paragraph (line breaks become spaces).",
                            errors, "rows=\"3\" maxlength=\"" + SettingsValidator.DESCRIPTION_MAX + "\""));
            case NETWORK -> {
                body.append("<p>Other nodes connect to your box from the internet. Enter the address that reaches your home, "
                                + "and set up port forwarding on your router.</p>")
                        .append(PortForwardingHelp.html(ctx.backend.reachability().routerRule()))
                        .append(Fields.input("publicHost", "text", "Public IP address or DNS name", v.get("publicHost"),
                                "For example 203.0.113.7 or mynode.example.net.", errors,
                                "autocapitalize=\"off\" spellcheck=\"false\" required maxlength=\"" + SettingsValidator.HOST_MAX + "\""))
                        .append(Fields.input("mixPort", "text", "Mix port", v.get("mixPort"), "Mix traffic (TCP). Usually 1789.",
                                errors, "inputmode=\"numeric\" required"))
                        .append(Fields.input("apiPort", "text", "API port", v.get("apiPort"),
                                "The node's public web API (TCP). Usually 8080.", errors, "inputmode=\"numeric\" required"));
                extraButton = "<button type=\"submit\" class=\"secondary\" id=\"check-reachability\" "
                        + "formaction=\"/setup/network/check\">Check reachability</button>";
            }
            case WALLET -> body.append("<p>Optional. The Nyx account you will bond the node from (the account that bonds "
                            + "receives the rewards). Copy it from the <a href=\"https://nym.com/wallet\">Nym wallet</a>. No wallet "
                            + "yet? Skip this step; the Bonding page lists what you need.</p>")
                    .append(Fields.input("wallet", "text", "Nyx wallet address (optional)", v.get("wallet"), "Starts with n1.", errors,
                            "autocapitalize=\"off\" autocomplete=\"off\" spellcheck=\"false\""));
            case MQTT -> {
                boolean savedPassword = !ctx.backend.settings().read().mqtt().password().isEmpty();
                body.append("<p>Optional: publish the node's status to your home automation (for example Home Assistant). "
                                + "Leave the address empty to turn this off.</p>")
                        .append(Fields.input("mqttUrl", "text", "Broker address", v.get("mqttUrl"),
                                MqttWords.addressHint(v.get("mqttUrl")), errors, "autocapitalize=\"off\" spellcheck=\"false\""))
                        .append(Fields.input("mqttUser", "text", "User name", v.get("mqttUser"), null, errors,
                                "autocapitalize=\"off\" autocomplete=\"off\" spellcheck=\"false\" maxlength=\""
                                        + SettingsValidator.MQTT_USER_MAX + "\""))
                        .append(Fields.input("mqttPassword", "password", "Password", v.get("mqttPassword"),
                                savedPassword ? "Leave empty to keep the saved password." : null, errors,
                                "autocomplete=\"off\" maxlength=\"" + SettingsValidator.MQTT_PASSWORD_MAX + "\""));
                extraButton = "<button type=\"submit\" class=\"secondary\" id=\"test-mqtt\" formaction=\"/setup/mqtt/test\">"
                        + "Test connection</button>";
            }
            case LED -> body.append("<p>The lights on the box show how the node is doing. Dim them or turn them off "
                            + "if they bother you.</p>")
                    .append(Fields.input("ledBrightness", "text", "Brightness (0 to 100 %)", v.get("ledBrightness"), null, errors,
                            "inputmode=\"numeric\""))
                    .append(Fields.checkbox("ledOn", "Use the status lights", !v.get("ledOn").isEmpty(), null, errors));
            case KEYS -> throw new IllegalArgumentException("the keys page renders itself");
        }
        body.append(result)
                .append("<div class=\"buttons\"><button type=\"submit\" id=\"save\">Save and continue</button>")
                .append(extraButton);
        if (step == SetupStep.WALLET || step == SetupStep.MQTT || step == SetupStep.LED) {
            body.append("<a class=\"button secondary\" id=\"skip\" href=\"").append(step.next().path()).append("\">Skip for now</a>");
        }
        body.append("</div></form>");
        if (step == SetupStep.NODE && !SettingsForm.complete(ctx.backend.settings().read())) {
            // Someone rebuilding a box looks for this first.
            body.append(MaintenancePage.restoreForm(Fields.csrf(session.csrfToken()), new FieldErrors()));
        }
        if (step != SetupStep.NODE) {
            body.append("<p><a href=\"").append(step.previous().path()).append("\">Back</a></p>");
        }
        return Layout.page(step.title, visit, body.toString());
    }

    /** Every step as a link, the current one marked, so the owner can go back or ahead. */
    static String stepList(SetupStep current) {
        StringBuilder sb = new StringBuilder("<nav class=\"step-list\" aria-label=\"Setup steps\"><ol>");
        for (SetupStep s : SetupStep.values()) {
            sb.append("<li>");
            if (s == current) {
                sb.append("<span aria-current=\"step\">").append(esc(s.title)).append("</span>");
            } else {
                sb.append("<a href=\"").append(s.path()).append("\">").append(esc(s.title)).append("</a>");
            }
            sb.append("</li>");
        }
        return sb.append("</ol></nav>").toString();
    }

    static String progress(SetupStep step) {
        return "<p class=\"progress\">Step " + (step.ordinal() + 1) + " of " + SetupStep.values().length + "</p>";
    }
}
