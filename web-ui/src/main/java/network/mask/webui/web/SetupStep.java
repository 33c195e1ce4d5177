package network.mask.webui.web;

/** The wizard's pages, in order. */
enum SetupStep {
    NODE("node", "Name your node"),
    NETWORK("network", "Internet address"),
    WALLET("wallet", "Wallet (optional)"),
    MQTT("mqtt", "Home automation (optional)"),
    LED("led", "Status lights (optional)"),
    KEYS("keys", "Bond your node");

    final String slug;
    final String title;

    SetupStep(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    String path() {
        return "/setup/" + slug;
    }

    SetupStep next() {
        return values()[Math.min(ordinal() + 1, values().length - 1)];
    }

    SetupStep previous() {
        return values()[Math.max(ordinal() - 1, 0)];
    }
}
