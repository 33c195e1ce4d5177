package network.mask.node.vectors;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import network.mask.node.sphinx.crypto.SphinxCrypto;

/**
 * Checks one vector file and returns an outcome per case. The kind of file is recognised from
 * its shape: {@code base_case} + {@code cases} (tampered), {@code cases} (forward), or
 * primitive sections (primitives). Works on any file of the schema: other routes, sizes,
 * versions and message lengths.
 */
public final class VectorFileChecker {

    private final SphinxCrypto crypto;

    public VectorFileChecker(SphinxCrypto crypto) {
        this.crypto = crypto;
    }

    /**
     * @throws VectorFormatException if the file cannot be read, is not JSON, or is no known kind
     *     of vector file; problems inside one case fail only that case
     */
    public List<CaseOutcome> check(Path file) throws VectorFormatException {
        JsonObject root = read(file);
        String prefix = file.getFileName() + " ";
        Fields fields = new Fields(root, String.valueOf(file.getFileName()));
        List<CaseOutcome> out = new ArrayList<>();
        if (root.containsKey("base_case")) {
            Fields base = fields.object("base_case");
            out.add(new ForwardCaseChecker(crypto).check(base, prefix + "base_case " + name(base)));
            TamperedCaseChecker tampered = new TamperedCaseChecker(crypto);
            for (Fields c : fields.objects("cases")) out.add(tampered.check(base, c, prefix + name(c)));
        } else if (root.containsKey("cases")) {
            ForwardCaseChecker forward = new ForwardCaseChecker(crypto);
            List<Fields> cases = fields.objects("cases");
            if (cases.isEmpty()) throw new VectorFormatException(file + ": 'cases' is empty");
            for (Fields c : cases) out.add(forward.check(c, prefix + name(c)));
        } else if (root.keySet().stream().anyMatch(PrimitivesChecker.SECTIONS::contains)) {
            out.addAll(new PrimitivesChecker(crypto).check(fields, root, prefix));
        } else {
            throw new VectorFormatException(file + ": not a Sphinx vector file (no 'cases', 'base_case' or primitive sections)");
        }
        return out;
    }

    private static String name(Fields c) {
        try {
            return c.string("name");
        } catch (VectorFormatException e) {
            return "(unnamed)";
        }
    }

    private static JsonObject read(Path file) throws VectorFormatException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new VectorFormatException(file + ": cannot read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        try (JsonReader reader = Json.createReader(new java.io.StringReader(text))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new VectorFormatException(file + ": not a JSON object (" + e.getMessage() + ")");
        }
    }
}
