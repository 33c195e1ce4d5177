package network.mask.webui.web;

import static network.mask.webui.web.Html.esc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import network.mask.webui.security.Session;
import network.mask.webui.spi.NodeSettings;
import network.mask.webui.spi.SettingsRefusedException;
import network.mask.webui.validation.FieldErrors;
import network.mask.webui.validation.SettingsValidator;

/**
 * Settings after the first setup: one page, one card per section, each card its own form saved on
 * its own. The wizard's fields are checked by {@link SettingsValidator}; the other config keys go
 * to the node, which checks them with the config file's own rules. A field appears only when the
 * node has that setting (keys added later, such as MQTT TLS certificates, appear with them).
 */
final class SettingsPage {

    static final String PATH = "/settings";
    private static final System.Logger LOG = System.getLogger(SettingsPage.class.getName());

    enum Kind { TEXT, CHECKBOX, SECRET }

    /** One config key shown as a form field. */
    record ConfigField(String path, String name, String label, String hint, Kind kind) {
    }

    /** A card of the page. {@code wizardFields} are validated by the wizard's rules, {@code fields} by the node. */
    enum Section {
        NODE("node", "Node", "The name, description, website and contact are public: the network shows them to anyone.",
                List.of("name", "description"), List.of(
                new ConfigField("node.website", "website", "Website (optional)", "Starts with https://.", Kind.TEXT),
                new ConfigField("node.security_contact", "securityContact", "Security contact e-mail (optional)",
                        "Where people may report a security problem with your node.", Kind.TEXT))),
        INTERNET("internet", "Internet", "Where other nodes reach your box. A change here applies after a restart: the node keeps "
                + "listening on, and telling the network, the ports it started with until then.",
                List.of("publicHost", "mixPort", "apiPort"), List.of()),
        TERMS("terms", "Network terms and location", "nym-api gives a node that has not accepted the operator terms no "
                + "config score, so the network does not choose it.", List.of(), List.of(
                new ConfigField("node.accepted_operator_terms_and_conditions", "acceptTerms",
                        "I accept the Nym node operator terms and conditions", "Read them at "
                        + "https://nymtech.net/terms-and-conditions/operators/v1.0.0 before you tick this.", Kind.CHECKBOX),
                new ConfigField("node.location", "location", "Country the box stands in (optional)",
                        "A two-letter country code such as DE, GB or US. Public.", Kind.TEXT))),
        WALLET("wallet", "Wallet", "The Nyx account you bond the node from. It is for your reference: the account that bonds "
                + "receives the rewards. Leave it empty if you have no Nym wallet yet.", List.of("wallet"), List.of()),
        HOME_ASSISTANT("home-assistant", "Home Assistant", "Publish the node's status to your MQTT broker (for example the "
                + "Mosquitto add-on of Home Assistant). Leave the address empty to turn this off.",
                List.of("mqttUrl", "mqttUser", "mqttPassword"), List.of(
                new ConfigField("mqtt.ca_file", "mqttCaFile", "CA certificate file (optional)",
                        "Path on the box of the PEM file that signed the broker's certificate; empty = the system's CAs.", Kind.TEXT),
                new ConfigField("mqtt.client_certificate", "mqttClientCertFile", "Client certificate file (optional)",
                        "Path on the box of a PEM certificate, if the broker asks for one.", Kind.TEXT),
                new ConfigField("mqtt.client_key", "mqttClientKeyFile", "Client key file (optional)",
                        "Path on the box of the PEM private key that goes with the client certificate.", Kind.TEXT),
                new ConfigField("mqtt.discovery_prefix", "mqttDiscoveryPrefix", "Discovery prefix",
                        "Home Assistant listens on \"homeassistant\" unless you changed it.", Kind.TEXT),
                new ConfigField("mqtt.topic_prefix", "mqttTopicPrefix", "Topic prefix", "The node's topics start with this.", Kind.TEXT),
                new ConfigField("mqtt.interval", "mqttInterval", "How often the state is sent",
                        "For example 30s or 1m.", Kind.TEXT))),
        LIGHTS("lights", "Lights", "The lights on the box show how the node is doing.", List.of("ledBrightness", "ledOn"), List.of()),
        SECURITY("security", "Setup page security", "This page is reachable from your home network only.", List.of(), List.of(
                new ConfigField("admin.tls", "adminTls", "Serve this page over HTTPS",
                        "With the box's own certificate: the browser warns once; compare the fingerprint shown on the dashboard. "
                                + "Applies after a restart, at https:// and the same port.", Kind.CHECKBOX))),
        ADVANCED("advanced", "Advanced", "For people who monitor their node with their own tools.", List.of(), List.of(
                new ConfigField("api.metrics_token", "metricsToken", "Prometheus token",
                        "A secret that Prometheus sends as a bearer token to /api/v1/metrics/prometheus; empty turns that "
                                + "endpoint off. Applies after a restart.", Kind.SECRET),
                new ConfigField("api.expose_system_info", "exposeSystemInfo", "Share CPU, memory and OS details with the network",
                        "Served publicly at /api/v1/system-info.", Kind.CHECKBOX)));

        final String slug;
        final String title;
        final String intro;
        final List<String> wizardFields;
        final List<ConfigField> fields;

        Section(String slug, String title, String intro, List<String> wizardFields, List<ConfigField> fields) {
            this.slug = slug;
            this.title = title;
            this.intro = intro;
            this.wizardFields = wizardFields;
            this.fields = fields;
        }
    }

    private final AdminContext ctx;

    SettingsPage(AdminContext ctx) {
        this.ctx = ctx;
    }

    void register(HttpRules rules) {
        rules.get(PATH, this::show);
        for (Section s : Section.values()) {
            rules.post(PATH + "/" + s.slug, Posts.csrfChecked(ctx, (req, res, visit, session, form) -> save(res, visit, session, form, s)));
        }
    }

    private void show(ServerRequest req, ServerResponse res) {
        Visit visit = Posts.visit(req);
        String saved = req.query().first("saved").orElse("");
        Section justSaved = null;
        for (Section s : Section.values()) if (s.slug.equals(saved)) justSaved = s;
        Respond.html(res, Status.OK_200, render(visit, visit.session().orElseThrow(), null, Map.of(), new FieldErrors(), "", justSaved));
    }

    private void save(ServerResponse res, Visit visit, Session session, Form form, Section section) {
        FieldErrors errors = new FieldErrors();
        NodeSettings current = ctx.backend.settings().read();
        NodeSettings next = current;
        SettingsValidator v = ctx.validator();
        switch (section) {
            case NODE -> next = v.identity(current, form::get, errors);
            case INTERNET -> next = v.network(current, form::get, errors);
            case WALLET -> next = form.get("wallet") == null || form.get("wallet").isBlank() ? current.withWallet("")
                    : v.wallet(current, form::get, errors);
            case HOME_ASSISTANT -> next = v.mqtt(current, form::get, errors);
            case LIGHTS -> next = v.led(current, form::get, errors);
            default -> { }
        }
        Map<String, String> fieldValues = fieldValues(section, form, errors);
        Map<String, String> posted = new HashMap<>();
        for (String n : section.wizardFields) posted.put(n, form.get(n) == null ? "" : form.get(n));
        section.fields.forEach(f -> posted.put(f.name(), form.get(f.name()) == null ? "" : form.get(f.name())));
        if (!errors.isEmpty() || next == null) {
            Respond.invalid(ctx, res, render(visit, session, section, posted, errors, ""));
            return;
        }
        try {
            if (!fieldValues.isEmpty()) ctx.backend.settings().applyFields(fieldValues);
            if (!next.equals(current)) ctx.backend.settings().apply(next);
        } catch (SettingsRefusedException e) {
            ctx.counters.refusedSettings();
            LOG.log(System.Logger.Level.WARNING, "the node refused settings from the settings page: " + e.getMessage());
            boolean placed = false;
            for (ConfigField f : section.fields) {
                if (e.getMessage().contains(f.path())) {
                    errors.add(f.name(), f.label() + ": " + e.getMessage().replace(f.path() + ": ", "").replaceFirst("^expected ", "enter "));
                    placed = true;
                }
            }
            String notice = placed ? "" : "<div class=\"notice error\" role=\"alert\">The node refused these settings: "
                    + esc(e.getMessage()) + ". Nothing was changed.</div>";
            Respond.invalid(ctx, res, render(visit, session, section, posted, errors, notice));
            return;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "could not save settings", e);
            Respond.html(res, Status.INTERNAL_SERVER_ERROR_500, render(visit, session, section, posted, errors,
                    "<div class=\"notice error\" role=\"alert\">The node could not save these settings. Nothing was changed; "
                            + "try again, and check the log if it keeps failing.</div>"));
            return;
        }
        LOG.log(System.Logger.Level.INFO, "settings saved from the setup page: " + section.title);
        // The note goes into the saved card, where the browser lands, not at the top of a long page.
        Respond.redirect(res, PATH + "?saved=" + section.slug + "#section-" + section.slug);
    }

    /** The section's config-key fields as the node should get them; only keys the node has. */
    private Map<String, String> fieldValues(Section section, Form form, FieldErrors errors) {
        List<String> paths = section.fields.stream().map(ConfigField::path).toList();
        Map<String, String> known = paths.isEmpty() ? Map.of() : ctx.backend.settings().readFields(paths);
        Map<String, String> out = new LinkedHashMap<>();
        for (ConfigField f : section.fields) {
            if (!known.containsKey(f.path())) continue;
            String raw = form.get(f.name());
            String value = switch (f.kind()) {
                case CHECKBOX -> raw != null && !raw.isEmpty() ? "true" : "false";
                case SECRET -> raw == null || raw.isEmpty() ? null : raw.strip();   // empty keeps the saved secret
                case TEXT -> raw == null ? "" : raw.strip();
            };
            if (value == null) continue;
            if (f.path().equals("node.location")) value = value.toUpperCase(Locale.ROOT);
            if (f.kind() == Kind.TEXT && value.chars().anyMatch(Character::isISOControl)) {
                errors.add(f.name(), f.label() + " cannot contain line breaks or control characters.");
                continue;
            }
            out.put(f.path(), value);
        }
        if (form.get("clearMetricsToken") != null && !form.get("clearMetricsToken").isEmpty() && known.containsKey("api.metrics_token")) {
            out.put("api.metrics_token", "");
        }
        return out;
    }

    private String render(Visit visit, Session session, Section failed, Map<String, String> posted, FieldErrors errors, String notice) {
        return render(visit, session, failed, posted, errors, notice, null);
    }

    private String render(Visit visit, Session session, Section failed, Map<String, String> posted, FieldErrors errors,
                          String notice, Section justSaved) {
        NodeSettings saved = ctx.backend.settings().read();
        Map<String, String> stored = SettingsForm.values(saved);
        List<String> allPaths = new ArrayList<>();
        for (Section s : Section.values()) s.fields.forEach(f -> allPaths.add(f.path()));
        Map<String, String> known = ctx.backend.settings().readFields(allPaths);
        String csrf = Fields.csrf(session.csrfToken());
        StringBuilder b = new StringBuilder(16384);
        String restart = ctx.restartNotice.html(ctx, session);
        if (justSaved == null) b.append(restart);
        b.append("<nav class=\"section-list\" aria-label=\"Sections\"><ul>");
        for (Section s : Section.values()) {
            b.append("<li><a href=\"#section-").append(s.slug).append("\">").append(esc(s.title)).append("</a></li>");
        }
        b.append("</ul></nav>");
        for (Section s : Section.values()) {
            boolean isFailed = s == failed;
            FieldErrors e = isFailed ? errors : new FieldErrors();
            Map<String, String> v = new HashMap<>(stored);
            known.forEach((path, value) -> s.fields.stream().filter(f -> f.path().equals(path)).findFirst()
                    .ifPresent(f -> v.put(f.name(), f.kind() == Kind.CHECKBOX ? ("true".equals(value) ? "on" : "") : value)));
            if (isFailed) v.putAll(posted);
            b.append("<section class=\"card\" id=\"section-").append(s.slug).append("\" aria-labelledby=\"").append(s.slug)
                    .append("-title\"><h2 id=\"").append(s.slug).append("-title\">").append(esc(s.title)).append("</h2>");
            if (isFailed) b.append(notice).append(Fields.errorSummary(e));
            if (s == justSaved) {
                b.append("<div class=\"notice ok\" role=\"status\" id=\"flash\">").append(esc(s.title)).append(": saved.</div>")
                        .append(restart);
            }
            b.append("<p>").append(esc(s.intro)).append("</p>")
                    .append("<form method=\"post\" action=\"").append(PATH).append('/').append(s.slug)
                    .append("\" accept-charset=\"utf-8\" novalidate>").append(csrf);
            b.append(wizardFields(s, v, e, saved));
            for (ConfigField f : s.fields) {
                if (!known.containsKey(f.path())) continue;
                b.append(field(f, v, e, known));
            }
            b.append("<div class=\"buttons\"><button type=\"submit\" id=\"save-").append(s.slug).append("\">Save ")
                    .append(esc(s.title.toLowerCase(Locale.ROOT))).append("</button></div></form>");
            if (s == Section.SECURITY) {
                b.append("<p><a href=\"").append(PasswordPage.PATH).append("\">Change the password of this page</a></p>");
            }
            b.append("</section>");
        }
        b.append("<p class=\"hint\">Every other setting is in the config file only (limits, replay, crypto, the board's "
                + "pins, nym-api addresses): docs/running-a-node.md says which, <code>masknode config defaults</code> prints "
                + "them all with their meaning, and <code>masknode config check</code> checks the file.</p>");
        return Layout.page("Settings", visit, b.toString());
    }

    private String wizardFields(Section s, Map<String, String> v, FieldErrors e, NodeSettings saved) {
        return switch (s) {
            case NODE -> Fields.input("name", "text", "Node name", v.get("name"), "Up to " + SettingsValidator.NAME_MAX + " characters.",
                    e, "maxlength=\"" + SettingsValidator.NAME_MAX + "\" required")
                    + Fields.textarea("description", "Description (optional)", v.get("description"),
                    "Up to " + SettingsValidator.DESCRIPTION_MAX + " characters, one paragraph.", e,
                    "rows=\"3\" maxlength=\"" + SettingsValidator.DESCRIPTION_MAX + "\"");
            case INTERNET -> Fields.input("publicHost", "text", "Public IP address or DNS name", v.get("publicHost"),
                    "The address that reaches your home from the internet.", e,
                    "autocapitalize=\"off\" spellcheck=\"false\" maxlength=\"" + SettingsValidator.HOST_MAX + "\"")
                    + Fields.input("mixPort", "text", "Mix port", v.get("mixPort"), "Mix traffic (TCP). Usually 1789.", e,
                    "inputmode=\"numeric\"")
                    + Fields.input("apiPort", "text", "API port", v.get("apiPort"), "The node's public web API (TCP). Usually 8080.",
                    e, "inputmode=\"numeric\"");
            case WALLET -> Fields.input("wallet", "text", "Nyx wallet address (optional)", v.get("wallet"), "Starts with n1.", e,
                    "autocapitalize=\"off\" autocomplete=\"off\" spellcheck=\"false\"");
            case HOME_ASSISTANT -> Fields.input("mqttUrl", "text", "Broker address", v.get("mqttUrl"),
                    MqttWords.addressHint(v.get("mqttUrl")), e, "autocapitalize=\"off\" spellcheck=\"false\"")
                    + Fields.input("mqttUser", "text", "User name", v.get("mqttUser"), null, e,
                    "autocapitalize=\"off\" autocomplete=\"off\" spellcheck=\"false\" maxlength=\"" + SettingsValidator.MQTT_USER_MAX + "\"")
                    + Fields.input("mqttPassword", "password", "Password", v.get("mqttPassword"),
                    saved.mqtt().password().isEmpty() ? null : "Leave empty to keep the saved password.", e,
                    "autocomplete=\"off\" maxlength=\"" + SettingsValidator.MQTT_PASSWORD_MAX + "\"");
            case LIGHTS -> Fields.input("ledBrightness", "text", "Brightness (0 to 100 %)", v.get("ledBrightness"), null, e,
                    "inputmode=\"numeric\"")
                    + Fields.checkbox("ledOn", "Use the status lights", !v.getOrDefault("ledOn", "").isEmpty(), null, e);
            default -> "";
        };
    }

    private static String field(ConfigField f, Map<String, String> v, FieldErrors e, Map<String, String> known) {
        return switch (f.kind()) {
            case CHECKBOX -> Fields.checkbox(f.name(), f.label(), !v.getOrDefault(f.name(), "").isEmpty(), f.hint(), e);
            case TEXT -> Fields.input(f.name(), "text", f.label(), v.get(f.name()), f.hint(), e,
                    "autocapitalize=\"off\" spellcheck=\"false\"");
            case SECRET -> Fields.input(f.name(), "password", f.label(), null,
                    f.hint() + (known.getOrDefault(f.path(), "").isEmpty() ? "" : " A token is set; leave empty to keep it."), e,
                    "autocomplete=\"off\"")
                    + (known.getOrDefault(f.path(), "").isEmpty() ? ""
                    : Fields.checkbox("clearMetricsToken", "Remove the token (turns the endpoint off)", false, null, e));
        };
    }
}
