package network.mask.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CSRF on every form, headers on every answer, the Host and source-address gates. */
class SecurityRoutesTest extends OwnerRoutesTest {

    static final List<String> POST_ROUTES = List.of("/logout", "/setup/node", "/setup/network", "/setup/network/check",
            "/setup/wallet", "/setup/mqtt", "/setup/mqtt/test", "/setup/led", "/setup/keys/sign", "/actions/identify",
            "/actions/restart", "/actions/factory-reset", "/backup", "/restore");


    @BeforeEach
    void onTheDashboard() {
        finishWizard();
    }

    private Map<String, String> everyField(String csrf) {
        Map<String, String> f = new java.util.HashMap<>(Map.of("name", "Changed", "publicHost", "changed.example.net",
                "mixPort", "1790", "apiPort", "8081", "wallet", "n1h5hgn94nsq4kh99rjj794hr5h5q6yfm2lr52es",
                "ledBrightness", "10", "resetPassword", AdminFixture.PASSWORD, "resetConfirm", "on",
                "backupPassphrase", "a long passphrase"));
        f.put("backupConfirm", "a long passphrase");
        f.put("contractMessage", "abc");
        if (csrf != null) {
            f.put("csrf", csrf);
        }
        return f;
    }

    private void assertNothingHappened() {
        assertEquals(0, admin.node.factoryResets.get() + admin.node.restarts.get() + admin.node.identifies.get());
        assertTrue(admin.node.applied.isEmpty(), "no settings applied");
        assertTrue(admin.node.signedMessages.isEmpty());
        assertTrue(admin.node.imports.isEmpty());
        assertEquals(200, owner.get("/dashboard").status(), "still logged in");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/logout", "/setup/node", "/setup/network", "/setup/network/check", "/setup/wallet",
            "/setup/mqtt", "/setup/mqtt/test", "/setup/led", "/setup/keys/sign", "/actions/identify", "/actions/restart",
            "/actions/factory-reset", "/backup", "/restore"})
    void everyPostWithoutOrWithAWrongTokenIs403(String path) {
        assertTrue(POST_ROUTES.contains(path));
        assertEquals(403, owner.postRaw(path, everyField(null), Map.of()).status(), "missing token");
        assertEquals(403, owner.postRaw(path, everyField(""), Map.of()).status(), "empty token");
        assertEquals(403, owner.postRaw(path, everyField(owner.csrf() + "A"), Map.of()).status(), "wrong token");
        TestClient other = admin.loggedIn();
        other.get("/dashboard");
        assertNotEquals(other.csrf(), owner.csrf());
        assertEquals(403, owner.postRaw(path, everyField(other.csrf()), Map.of()).status(), "another session's token");
        assertNothingHappened();
        assertEquals(4, admin.server.counters().refusedForms());
    }

    @Test
    void crossSiteSignalsAreRefusedEvenWithTheToken() {
        assertEquals(403, owner.postRaw("/actions/restart", everyField(owner.csrf()), Map.of("Origin", "http://evil.example")).status());
        assertEquals(403, owner.postRaw("/actions/restart", everyField(owner.csrf()), Map.of("Sec-Fetch-Site", "cross-site")).status());
        assertEquals(403, owner.postRaw("/actions/restart", everyField(owner.csrf()), Map.of("Sec-Fetch-Site", "same-site")).status());
        assertNothingHappened();
        // What a browser really sends for our own forms under Referrer-Policy: no-referrer.
        assertEquals(200, owner.postRaw("/actions/restart", everyField(owner.csrf()),
                Map.of("Origin", "null", "Sec-Fetch-Site", "same-origin")).status());
        assertEquals(200, owner.postRaw("/actions/restart", everyField(owner.csrf()),
                Map.of("Origin", admin.base.toString().replaceAll("/$", ""))).status());
        assertEquals(2, admin.node.awaitRestarts(2));
    }

    @Test
    void formsMustBeUrlEncoded() {
        java.net.http.HttpRequest.Builder rb = java.net.http.HttpRequest.newBuilder(admin.base.resolve("/actions/restart"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"csrf\":\"" + owner.csrf() + "\"}"));
        assertEquals(415, owner.send(rb, Map.of()).status());
        assertNothingHappened();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dashboard", "/login", "/static/app.css", "/static/dashboard.js", "/static/missing.js", "/nope", "/"})
    void securityHeadersOnEveryAnswer(String path) {
        TestClient.Response r = path.equals("/login") ? admin.client().get(path) : owner.get(path);
        assertEquals("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                + "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
                r.header("Content-Security-Policy").orElse(""), path);
        assertEquals("nosniff", r.header("X-Content-Type-Options").orElse(""));
        assertEquals("DENY", r.header("X-Frame-Options").orElse(""));
        assertEquals("no-referrer", r.header("Referrer-Policy").orElse(""));
        assertEquals("same-origin", r.header("Cross-Origin-Opener-Policy").orElse(""));
        assertTrue(r.header("Permissions-Policy").orElse("").contains("camera=()"));
        assertTrue(r.header("Cache-Control").isPresent());
    }

    @Test
    void pagesAreNotCachedAndAssetsAreServedWithTheirTypes() {
        assertEquals("no-store", owner.get("/dashboard").header("Cache-Control").orElseThrow());
        TestClient.Response css = owner.get("/static/app.css");
        assertEquals(200, css.status());
        assertTrue(css.header("Content-Type").orElseThrow().startsWith("text/css"));
        TestClient.Response js = owner.get("/static/app.js");
        assertEquals(200, js.status());
        assertTrue(js.header("Content-Type").orElseThrow().contains("javascript"), js.header("Content-Type").orElseThrow());
        assertEquals(404, owner.get("/nope").status());
        TestClient.Response escape = owner.get("/static/%2e%2e/AdminServer.class");
        assertTrue(escape.status() == 404 || escape.status() == 400, "status " + escape.status());
        assertFalse(escape.body().contains("AdminServer"));
    }

    @Test
    void aRevalidatedAssetIsAQuiet304() {
        TestClient.Response first = owner.get("/static/app.css");
        String etag = first.header("ETag").orElseThrow(() -> new AssertionError("no ETag on a static asset"));
        try (LogCapture helidon = new LogCapture("io.helidon")) {
            TestClient.Response again = owner.send(java.net.http.HttpRequest.newBuilder(admin.base.resolve("/static/app.css"))
                    .header("If-None-Match", etag).GET(), Map.of());
            assertEquals(304, again.status(), again.body());
            assertEquals(0, again.bytes().length);
            assertEquals(etag, again.header("ETag").orElse(""));
            assertEquals(List.of(), helidon.messages(), "a browser revalidating its cache is not an error");
        }
    }

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE_ATTR = Pattern.compile("\\sstyle\\s*=|<style", Pattern.CASE_INSENSITIVE);

    @ParameterizedTest
    @ValueSource(strings = {"/dashboard", "/setup/node", "/setup/network", "/setup/wallet", "/setup/mqtt", "/setup/led", "/setup/keys",
            "/settings", "/maintenance", "/bonding"})
    void pagesHaveNoInlineScriptOrStyleAndEveryControlIsLabelled(String path) {
        String html = owner.get(path).body();
        assertFalse(INLINE_SCRIPT.matcher(html).find(), "inline script on " + path);
        assertFalse(EVENT_HANDLER.matcher(html).find(), "inline event handler on " + path);
        assertFalse(STYLE_ATTR.matcher(html).find(), "inline style on " + path);
        // Links to Nym's pages are fine; nothing may be loaded from elsewhere.
        assertFalse(html.contains("src=\"http") || Pattern.compile("<link[^>]*href=\"http").matcher(html).find(),
                "nothing loaded from elsewhere (no CDN)");
        var inputs = Pattern.compile("<(input|textarea|select)\\b([^>]*)>").matcher(html);
        int checked = 0;
        while (inputs.find()) {
            String attrs = inputs.group(2);
            if (attrs.contains("type=\"hidden\"")) {
                continue;
            }
            var id = Pattern.compile("id=\"([^\"]+)\"").matcher(attrs);
            assertTrue(id.find(), "control without id on " + path + ": " + attrs);
            assertTrue(html.contains("<label for=\"" + id.group(1) + "\">"), "no label for #" + id.group(1) + " on " + path);
            checked++;
        }
        var buttons = Pattern.compile("<button\\b[^>]*>([^<]*)</button>").matcher(html);
        while (buttons.find()) {
            assertFalse(buttons.group(1).isBlank(), "button without text on " + path);
        }
        assertTrue(checked > 0 || path.equals("/setup/keys") || path.equals("/bonding") || path.equals("/dashboard"));
    }

    @Test
    void foreignHostNamesAreRefused() throws Exception {
        assertEquals(403, rawStatus("evil.example:" + admin.server.port()), "DNS rebinding");
        assertEquals(303, rawStatus("masknode.local:" + admin.server.port()));
        assertEquals(303, rawStatus("192.168.1.5:" + admin.server.port()));
        assertEquals(303, rawStatus("[fe80::1]:" + admin.server.port()));
        assertEquals(1, admin.server.counters().refusedHostNames());
    }

    private int rawStatus(String host) throws Exception {
        return rawRequestStatus("GET /dashboard HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    }

    /** Writes a hand-made request (headers the JDK client will not send) and returns the status code. */
    private int rawRequestStatus(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", admin.server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    @Test
    void peersOutsideTheHomeNetworkAreRefused() {
        try (AdminFixture internet = AdminFixture.startRefusingEveryone()) {
            for (String path : List.of("/", "/claim", "/static/app.css")) {
                TestClient.Response r = internet.client().get(path);
                assertEquals(403, r.status(), path);
                assertEquals("close", r.header("Connection").orElse(""));
                assertTrue(r.body().contains("only answers devices on the home network"));
            }
            TestClient c = internet.client();
            TestClient.Response r = c.postRaw("/claim", Map.of("code", internet.claim.display()), Map.of());
            assertEquals(403, r.status());
            assertTrue(internet.claim.acceptCode(internet.claim.display()), "the code was never even checked");
            assertEquals(4, internet.server.counters().refusedPeers());
        }
    }

    @Test
    void cookieFlagsOnPlainHttp() {
        String cookie = admin.client().get("/login").header("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("masknode="));
        assertTrue(cookie.contains("; Path=/; HttpOnly; SameSite=Strict"));
        assertFalse(cookie.contains("Secure"));
    }

    /** Announces 5 MiB and sends none of it: the server must answer from the headers alone. */
    @Test
    void oversizedBodiesAreRefused() throws Exception {
        assertEquals(413, rawRequestStatus("POST /restore HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + owner.cookie()
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + (5 * 1024 * 1024) + "\r\n\r\n"));
        assertTrue(admin.node.imports.isEmpty());
    }
}
