package network.mask.webui.web;

import static network.mask.webui.web.Html.esc;

import java.util.List;
import java.util.regex.Pattern;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import network.mask.webui.security.Session;
import network.mask.webui.spi.BondingKeys;
import network.mask.webui.spi.NodeSettings;
import network.mask.webui.validation.FieldErrors;

/**
 * The wizard's last page: what to paste into the Nym wallet to bond the node, step by step,
 * including signing the wallet's bonding message with the node's identity key.
 */
final class KeysPage {

    private static final System.Logger LOG = System.getLogger(KeysPage.class.getName());
    private static final Pattern BASE58 = Pattern.compile("[1-9A-HJ-NP-Za-km-z]+");
    private static final int MESSAGE_MAX = 8192;

    private final AdminContext ctx;

    KeysPage(AdminContext ctx) {
        this.ctx = ctx;
    }

    void register(HttpRules rules) {
        rules.get(SetupStep.KEYS.path(), this::show)
                .post("/setup/keys/sign", Posts.csrfChecked(ctx, this::sign));
    }

    private void show(ServerRequest req, ServerResponse res) {
        Visit visit = Posts.visit(req);
        Respond.html(res, Status.OK_200, page(visit, visit.session().orElseThrow(), "", new FieldErrors(), null));
    }

    private void sign(ServerRequest req, ServerResponse res, Visit visit, Session session, Form form) {
        String raw = form.get("contractMessage") == null ? "" : form.get("contractMessage");
        String message = raw.replaceAll("\\s+", "");
        FieldErrors errors = new FieldErrors();
        if (message.isEmpty()) {
            errors.add("contractMessage", "Paste the message that the wallet asks you to sign.");
        } else if (message.length() > MESSAGE_MAX) {
            errors.add("contractMessage", "This is longer than any bonding message; copy just the message from the wallet.");
        } else if (!BASE58.matcher(message).matches()) {
            char bad = message.chars().filter(c -> !BASE58.matcher(String.valueOf((char) c)).matches())
                    .mapToObj(c -> (char) c).findFirst().orElse('?');
            errors.add("contractMessage", "The message contains '" + bad + "', which the wallet's message never does "
                    + "(it uses only letters and digits without 0, O, I and l). Copy it again.");
        }
        String signature = null;
        if (errors.isEmpty()) {
            try {
                signature = ctx.backend.bondingKeys().signContractMessage(message);
                LOG.log(System.Logger.Level.INFO, "signed a bonding message for the wallet");
            } catch (IllegalArgumentException e) {
                errors.add("contractMessage", "The node could not sign this message: " + e.getMessage());
            }
        }
        if (errors.isEmpty()) {
            Respond.html(res, Status.OK_200, page(visit, session, raw, errors, signature));
        } else {
            Respond.invalid(ctx, res, page(visit, session, raw, errors, null));
        }
    }

    private String page(Visit visit, Session session, String message, FieldErrors errors, String signature) {
        NodeSettings settings = ctx.backend.settings().read();
        BondingKeys.Keys keys = ctx.backend.bondingKeys().keys();
        StringBuilder body = new StringBuilder(SetupPages.progress(SetupStep.KEYS));
        body.append("<p>Your node is set up. To take part in the network and earn rewards, bond it in the Nym wallet "
                + "with the details below.</p><section aria-labelledby=\"bond-details\"><h2 id=\"bond-details\">Bonding details</h2>");
        // Host and HTTP port come from the settings; the node's key list must not repeat them.
        body.append(Fields.copyable("bond-host", "Host (public IP address or domain name)", settings.publicHost()));
        body.append(Fields.copyable("bond-http-port", "Custom HTTP port", settings.apiPort() > 0 ? Integer.toString(settings.apiPort()) : ""));
        List<BondingKeys.Entry> entries = keys.keys();
        for (int i = 0; i < entries.size(); i++) {
            body.append(Fields.copyable("key-" + i, entries.get(i).label(), entries.get(i).value()));
        }
        body.append("<p class=\"hint\">Node id: <code id=\"node-id\">").append(esc(keys.nodeId())).append("</code></p></section>");
        body.append("<section aria-labelledby=\"bond-steps\"><h2 id=\"bond-steps\">How to bond</h2><ol class=\"steps\">")
                .append("<li>Open the Nym wallet on your computer and sign in to the account <code>")
                .append(esc(settings.wallet().isEmpty() ? "(set your wallet first)" : settings.wallet())).append("</code>.</li>")
                .append("<li>Go to <strong>Bonding</strong>, choose <strong>Bond</strong>, then <strong>Nym node</strong>.</li>")
                .append("<li>Paste the <strong>host</strong>, the <strong>identity key</strong> and the <strong>custom HTTP port</strong>"
                        + " shown above. Choose how many NYM to bond, your operating cost and your profit margin.</li>")
                .append("<li>The wallet shows a message to sign. Paste it below, press <strong>Sign</strong>, and copy the "
                        + "signature back into the wallet.</li>")
                .append("<li>Confirm in the wallet. The network picks the node up from the next epoch (within about an hour); "
                        + "the dashboard then shows traffic.</li></ol></section>");
        body.append("<section aria-labelledby=\"sign-title\"><h2 id=\"sign-title\">Sign the bonding message</h2>")
                .append(Fields.errorSummary(errors))
                .append("<form method=\"post\" action=\"/setup/keys/sign\" accept-charset=\"utf-8\">").append(Fields.csrf(session.csrfToken()))
                .append(Fields.textarea("contractMessage", "Message from the wallet", message, null, errors,
                        "rows=\"3\" spellcheck=\"false\" autocapitalize=\"off\""))
                .append("<button type=\"submit\" id=\"sign\">Sign</button></form>");
        if (signature != null) {
            body.append("<div class=\"notice ok\" role=\"status\">").append(Fields.copyable("signature", "Signature", signature))
                    .append("</div>");
        }
        body.append("</section><p><a class=\"button\" id=\"finish\" href=\"/dashboard\">Go to the dashboard</a></p>")
                .append("<p><a href=\"").append(SetupStep.LED.path()).append("\">Back</a></p>");
        return Layout.page(SetupStep.KEYS.title, visit, body.toString());
    }
}
