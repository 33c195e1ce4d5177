package network.mask.node.update;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A minisign public key (https://jedisct1.github.io/minisign/, "Public key format"):
 * base64 of {@code "Ed"} ‖ key id (8 bytes) ‖ Ed25519 public key (32 bytes), usually under an
 * {@code untrusted comment:} line.
 */
public record MinisignPublicKey(byte[] keyId, byte[] publicKey) {

    static final byte[] ALGORITHM = {'E', 'd'};

    public MinisignPublicKey {
        if (keyId.length != 8 || publicKey.length != 32) throw new IllegalArgumentException("key id 8 bytes, key 32 bytes");
        keyId = keyId.clone();
        publicKey = publicKey.clone();
    }

    /** Reads a {@code .pub} file, or the bare base64 line. */
    public static MinisignPublicKey parse(String text) throws UpdateException {
        String line = null;
        for (String l : text.split("\\R")) {
            String t = l.strip();
            if (t.isEmpty() || t.startsWith("untrusted comment:")) continue;
            line = t;
            break;
        }
        if (line == null) throw new UpdateException(UpdateError.NO_KEY, "the key file holds no key");
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(line);
        } catch (IllegalArgumentException e) {
            throw new UpdateException(UpdateError.NO_KEY, "the key is not base64");
        }
        if (raw.length != 42 || raw[0] != 'E' || raw[1] != 'd') {
            throw new UpdateException(UpdateError.NO_KEY, "not a minisign Ed25519 public key");
        }
        return new MinisignPublicKey(Arrays.copyOfRange(raw, 2, 10), Arrays.copyOfRange(raw, 10, 42));
    }

    public static MinisignPublicKey read(Path file) throws UpdateException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UpdateException(UpdateError.NO_KEY, "cannot read the release key " + file + ": " + e.getMessage());
        }
    }

    /** The id as minisign prints it: the 8 bytes little-endian, upper-case hex. */
    public String keyIdHex() {
        byte[] reversed = new byte[8];
        for (int i = 0; i < 8; i++) reversed[i] = keyId[7 - i];
        return HexFormat.of().withUpperCase().formatHex(reversed);
    }

    /** The {@code .pub} file text. */
    public String toFileText() {
        byte[] raw = new byte[42];
        System.arraycopy(ALGORITHM, 0, raw, 0, 2);
        System.arraycopy(keyId, 0, raw, 2, 8);
        System.arraycopy(publicKey, 0, raw, 10, 32);
        return "untrusted comment: minisign public key " + keyIdHex() + "\n" + Base64.getEncoder().encodeToString(raw) + "\n";
    }

    @Override
    public byte[] keyId() {
        return keyId.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }
}
