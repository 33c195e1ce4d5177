package network.mask.webui.web;

import static network.mask.webui.web.Html.esc;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import network.mask.webui.bonding.BondingMessage;
import network.mask.webui.security.Session;
import network.mask.webui.spi.NodeSettings;
import network.mask.webui.validation.FieldErrors;

/**
 * Bonding: a checklist first (public address, ports reached from outside, operator terms, a funded
 * Nym wallet), the bonding details only once it passes, and a signing form that reads the wallet's
 * message and refuses one for another node. Also the wizard's last step ({@code /setup/keys}).
 */
final class KeysPage {

    static final String PATH = "/bonding";
    private static final System.Logger LOG = System.getLogger(KeysPage.class.getName());
    private static final Pattern BASE58 = Pattern.compile("[1-9A-HJ-NP-Za-km-z]+");
    private static final int MESSAGE_MAX = 8192;
    private static final String TERMS = "node.accepted_operator_terms_and_conditions";
    // Nym's operator docs: documentation/docs/pages/operators/nodes/preliminary-steps/wallet-preparation.mdx
    // ("The minimum amount required to bond a node is 100 NYM, but make sure you have a bit more to account
    // for gas costs"); limits from documentation/docs/pages/operators/changelog.mdx (operators' vote).
    static final String WALLET_URL = "https://nym.com/wallet";
    static final int MIN_PLEDGE_NYM = 100;

    private final AdminContext ctx;

    KeysPage(AdminContext ctx) {
        this.ctx = ctx;
    }

    void register(HttpRules rules) {
        rules.get(SetupStep.KEYS.path(), (req, res) -> show(req, res, true))
                .get(PATH, (req, res) -> show(req, res, false))
                .post("/setup/keys/sign", Posts.csrfChecked(ctx, this::sign))
                .post(PATH + "/sign", Posts.csrfChecked(ctx, this::sign));
    }

    private void show(ServerRequest req, ServerResponse res, boolean wizard) {
        Visit visit = Posts.visit(req);
        Respond.html(res, Status.OK_200, page(visit, visit.session().orElseThrow(), wizard, "", new FieldErrors(), null));
    }

    private void sign(ServerRequest req, ServerResponse res, Visit visit, Session session, Form form) {
        boolean wizard = req.path().path().startsWith("/setup/");
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
        } else if (!checklist().passed()) {
            errors.add("contractMessage", "Finish the checklist above first; the node signs no bonding message before.");
        } else {
            try {
                NodeSettings running = ctx.backend.settings().running();
                BondingMessage.decode(message).checkNames(ctx.backend.bondingKeys().identityKey(), running.publicHost(),
                        running.apiPort());
            } catch (BondingMessage.Refused e) {
                ctx.counters.refusedSettings();
                LOG.log(System.Logger.Level.WARNING, "refused to sign a bonding message: " + e.getMessage());
                errors.add("contractMessage", "Not signed: " + e.getMessage() + ".");
            }
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
            Respond.html(res, Status.OK_200, page(visit, session, wizard, raw, errors, signature));
        } else {
            Respond.invalid(ctx, res, page(visit, session, wizard, raw, errors, null));
        }
    }

    /** One line of the checklist: {@code state} true = done, false = not done, empty = unknown yet. */
    /** @param fixHref where the owner puts it right ("" for none); {@code unknownWord} what "unknown" reads as */
    record Item(String id, String title, Optional<Boolean> state, String detail, boolean blocks, String fixHref, String unknownWord) {
    }

    record Checklist(List<Item> items) {
        boolean passed() {
            return items.stream().noneMatch(i -> i.blocks() && !i.state().orElse(false));
        }
    }

    Checklist checklist() {
        NodeSettings running = ctx.backend.settings().running();
        NodeSettings saved = ctx.backend.settings().read();
        boolean hostSet = !running.publicHost().isEmpty();
        String hostDetail = hostSet ? "The node tells the network it is at " + running.publicHost() + "."
                + (saved.publicHost().equals(running.publicHost()) ? "" : " A new address is saved; restart the node first.")
                : saved.publicHost().isEmpty() ? "Enter it in Settings, Internet."
                : "Saved, but not in use until the node restarts.";
        Optional<Boolean> reachable = ctx.backend.bondingKeys().reachableFromOutside();
        String reachDetail = reachable.map(r -> r
                ? "Other machines on the internet reached the mix port " + running.mixPort() + " and the API port " + running.apiPort() + "."
                : "The ports " + running.mixPort() + " and " + running.apiPort() + " were not reached from outside. Forward them "
                        + "on your router to this box. Nym blacklists bonded nodes that cannot be reached.")
                .orElse("Nothing outside your home has tried to reach the box so far. Forward TCP "
                        + running.mixPort() + " and " + running.apiPort() + " on your router to this box before you bond.");
        boolean terms = "true".equals(ctx.backend.settings().readFields(List.of(TERMS)).get(TERMS));
        return new Checklist(List.of(
                new Item("check-host", "Public address set", Optional.of(hostSet && saved.publicHost().equals(running.publicHost())),
                        hostDetail, true, SettingsPage.PATH + "#section-internet", ""),
                new Item("check-reachable", "Ports reached from outside", reachable, reachDetail, false, "", "Unknown yet"),
                new Item("check-terms", "Operator terms accepted", Optional.of(terms), terms ? "Accepted in Settings."
                        : "Without them nym-api gives the node no score, so the network never chooses it.", true,
                        SettingsPage.PATH + "#section-terms", ""),
                new Item("check-wallet", "A Nym wallet with enough NYM", Optional.empty(), "The Nym desktop wallet ("
                        + WALLET_URL + ") with at least " + MIN_PLEDGE_NYM + " NYM to bond, plus a little for fees. Only "
                        + "Cosmos NYM (n1… accounts) can bond, not ERC20 NYM.", false, "", "Yours to check")));
    }

    private String page(Visit visit, Session session, boolean wizard, String message, FieldErrors errors, String signature) {
        NodeSettings running = ctx.backend.settings().running();
        Checklist checklist = checklist();
        StringBuilder body = new StringBuilder();
        if (wizard) body.append(SetupPages.progress(SetupStep.KEYS)).append(SetupPages.stepList(SetupStep.KEYS));
        body.append(ctx.restartNotice.html(ctx, session));
        Optional<Long> nodeId = ctx.backend.bondingKeys().bondedNodeId();
        body.append("<p id=\"bond-state\" class=\"notice ").append(nodeId.isPresent() ? "ok" : "info").append("\">")
                .append(nodeId.map(id -> "Bonded as node #" + id + ", as the Nym network reports it.")
                        .orElse("Not bonded yet, as far as the Nym network reports (or no answer from it yet)."))
                .append("</p>");
        body.append("<section class=\"card\" aria-labelledby=\"checklist-title\"><h2 id=\"checklist-title\">Before you bond</h2>")
                .append("<ul class=\"checklist\" id=\"checklist\">");
        for (Item i : checklist.items()) {
            String mark = i.state().map(ok -> ok ? "done" : "todo").orElse("unknown");
            String word = i.state().map(ok -> ok ? "Done" : "Not yet").orElse(i.unknownWord());
            body.append("<li id=\"").append(i.id()).append("\" class=\"").append(mark).append("\"><strong>").append(esc(i.title()))
                    .append(":</strong> <span class=\"state\">").append(word).append("</span>. ").append(esc(i.detail()));
            if (!i.fixHref().isEmpty() && !i.state().orElse(false)) {
                body.append(" <a id=\"fix-").append(i.id()).append("\" href=\"").append(i.fixHref()).append("\">Fix it in Settings</a>");
            }
            body.append("</li>");
        }
        body.append("</ul><p class=\"hint\">In the wallet you also choose an operating cost (0 to 1000 NYM per interval) and a "
                + "profit margin (20 to 50 %), the limits Nym operators voted for. <a href=\"").append(SettingsPage.PATH)
                .append("#section-terms\">Settings</a> · <a href=\"").append(WALLET_URL).append("\">Get the Nym wallet</a></p></section>");
        if (!checklist.passed()) {
            body.append("<p id=\"bond-blocked\" class=\"notice warn\">The bonding details appear once the public address is set "
                    + "and the operator terms are accepted. Bonding a node the network cannot use gets it blacklisted.</p>");
        } else {
            body.append("<section class=\"card\" aria-labelledby=\"bond-details\"><h2 id=\"bond-details\">Bonding details</h2>")
                    .append(Fields.copyable("bond-host", "Host (public IP address or domain name)", running.publicHost()))
                    .append(Fields.copyable("identity-key", "Identity key", ctx.backend.bondingKeys().identityKey()))
                    // The whole key, readable on a phone too, where the field shows only its start.
                    .append("<p class=\"hint\">Whole identity key: <code class=\"wrap\" id=\"identity-key-text\">")
                    .append(esc(ctx.backend.bondingKeys().identityKey())).append("</code></p>")
                    .append(Fields.copyable("bond-http-port", "Custom HTTP port (under \"Show advanced options\")",
                            Integer.toString(running.apiPort())))
                    .append("</section>");
            body.append("<section class=\"card\" aria-labelledby=\"bond-steps\"><h2 id=\"bond-steps\">How to bond</h2><ol class=\"steps\">")
                    .append("<li>Open the Nym wallet on your computer and sign in to the account you bond from.</li>")
                    .append("<li>Go to <strong>Bonding</strong>, choose <strong>Bond</strong>, then <strong>Nym node</strong>.</li>")
                    .append("<li>Paste the <strong>host</strong>, the <strong>identity key</strong> and the <strong>custom HTTP port</strong>"
                            + " shown above. Choose how many NYM to bond (at least " + MIN_PLEDGE_NYM + "), your operating cost and your profit margin.</li>")
                    .append("<li>The wallet shows a message to sign. Paste it below and press <strong>Sign</strong>. The node checks "
                            + "that the message names this node, then signs it; copy the signature back into the wallet.</li>")
                    .append("<li>Confirm in the wallet. The network picks the node up from the next epoch (within about an hour); "
                            + "this page then says \"Bonded as node #…\".</li></ol></section>");
            body.append("<section class=\"card\" aria-labelledby=\"sign-title\"><h2 id=\"sign-title\">Sign the bonding message</h2>")
                    .append(Fields.errorSummary(errors))
                    .append("<form method=\"post\" action=\"").append(wizard ? "/setup/keys/sign" : PATH + "/sign")
                    .append("\" accept-charset=\"utf-8\">").append(Fields.csrf(session.csrfToken()))
                    .append(Fields.textarea("contractMessage", "Message from the wallet", message, null, errors,
                            "rows=\"3\" spellcheck=\"false\" autocapitalize=\"off\""))
                    .append("<button type=\"submit\" id=\"sign\">Sign</button></form>");
            if (signature != null) {
                body.append("<div class=\"notice ok\" role=\"status\">").append(Fields.copyable("signature", "Signature", signature))
                        .append("</div>");
            }
            body.append("</section>");
        }
        if (wizard) {
            body.append("<p><a class=\"button\" id=\"finish\" href=\"/dashboard\">Go to the dashboard</a></p>")
                    .append("<p><a href=\"").append(SetupStep.LED.path()).append("\">Back</a></p>");
        }
        return Layout.page(wizard ? SetupStep.KEYS.title : "Bonding", visit, body.toString());
    }
}
