package network.mask.node.keys;

import java.io.IOException;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.List;
import network.mask.node.config.ConfigException;
import network.mask.node.config.ConfigFlags;
import network.mask.node.config.ConfigLoader;
import network.mask.node.config.NodeConfig;

/** {@code masknode keys show | rotate [flags]}: the node's public keys, in Nym's base58. */
public final class KeysCommand {

    private KeysCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !(args[0].equals("show") || args[0].equals("rotate"))) {
            err.print(usage());
            return 2;
        }
        ConfigFlags.Parsed p = null;
        try {
            p = ConfigFlags.parse(List.of(args).subList(1, args.length));
            if (!p.rest().isEmpty()) {
                err.println("masknode keys: unknown option " + p.rest().getFirst());
                return 2;
            }
            NodeConfig config = ConfigLoader.load(p.overrides());
            KeyStore store = new KeyStore(config.node().dataDir(), new SecureRandom());
            NodeKeys keys = store.load();
            if (args[0].equals("rotate")) {
                keys = store.rotate(keys);
                out.println("# rotated: restart the node; the previous key stays accepted as secondary");
            }
            print(keys, out);
            return 0;
        } catch (ConfigException e) {
            e.problems().forEach(err::println);
            return 1;
        } catch (KeyFileException | IOException e) {
            err.println("masknode keys: " + e.getMessage());
            if (p != null) DevKeysHint.forMissingKeys(p.overrides(), java.nio.file.Path.of("")).ifPresent(err::println);
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("masknode keys: " + e.getMessage());
            return 2;
        }
    }

    static void print(NodeKeys keys, PrintStream out) {
        out.println("identity_key = " + keys.identity().publicKeyBase58());
        out.println("sphinx_key = " + keys.primary().publicKeyBase58());
        out.println("sphinx_key_rotation = " + keys.primary().rotationId());
        if (keys.secondary() != null) {
            out.println("sphinx_key_secondary = " + keys.secondary().publicKeyBase58());
            out.println("sphinx_key_secondary_rotation = " + keys.secondary().rotationId());
            out.println("sphinx_key_secondary_role = " + secondaryRole(keys));
        }
    }

    /**
     * What the secondary key is for: the next rotation's key, announced ahead (nym-node announces
     * it only when it is primary + 1), or the previous rotation's, still accepted for the overlap epoch.
     */
    static String secondaryRole(NodeKeys keys) {
        long p = keys.primary().rotationId();
        long s = keys.secondary().rotationId();
        if (s == p + 1) return "pre-announced (next rotation; announced in host-information)";
        if (s < p) return "overlap (previous rotation; still accepted, not announced)";
        return "waiting to become primary (not announced)";
    }

    static String usage() {
        return "Usage: masknode keys show [flags]     print the public keys (base58)\n"
             + "       masknode keys rotate [flags]   new Sphinx key; the current one becomes secondary\n"
             + ConfigFlags.HELP;
    }
}
