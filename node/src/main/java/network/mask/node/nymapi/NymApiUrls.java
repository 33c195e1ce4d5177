package network.mask.node.nymapi;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * The nym-api base URLs to ask, in order of preference. Mainnet's defaults are those of
 * {@code common/network-defaults/src/mainnet.rs} ({@code NYM_APIS}); each ends in {@code /api/},
 * and routes such as {@code v1/epoch/key-rotation-info} are resolved below it.
 */
public final class NymApiUrls {

    /** {@code NYM_APIS} of nym's mainnet network defaults, comma-separated as the config key holds them. */
    public static final String MAINNET = "https://validator.nymtech.net/api/,"
            + "https://nym-frontdoor.global.ssl.fastly.net/api/,"
            + "https://cdn1.media-platform.net/api/";

    private NymApiUrls() {}

    /**
     * Parses a comma- or space-separated list of http(s) URLs; a missing trailing slash is added
     * so that relative routes resolve below the base, as nym's client joins path segments.
     *
     * @throws IllegalArgumentException naming the first entry that is not an http(s) URL
     */
    public static List<URI> parse(String list) {
        List<URI> out = new ArrayList<>();
        for (String part : list.strip().split("[,\\s]+")) {
            if (part.isEmpty()) continue;
            URI uri;
            try {
                uri = new URI(part.endsWith("/") ? part : part + "/");
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("not a URL: '" + part + "'");
            }
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL with a host: '" + part + "'");
            }
            out.add(uri);
        }
        return List.copyOf(out);
    }
}
