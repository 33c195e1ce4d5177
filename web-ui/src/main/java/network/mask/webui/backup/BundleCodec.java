package network.mask.webui.backup;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The plaintext inside a backup: {@code count:int}, then per file {@code nameLength:short, name (UTF-8),
 * size:int, bytes}. Names are checked on both ways so a backup can never address a path outside
 * the node's data directory.
 */
final class BundleCodec {

    // A backup holds five small files; the bounds leave room for growth and nothing more.
    static final int MAX_FILES = 16;
    static final int MAX_ENTRY = 256 * 1024;
    static final int MAX_TOTAL = 2 * 1024 * 1024;
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");

    private BundleCodec() {
    }

    static boolean isSafeName(String name) {
        return name.length() <= 200 && SAFE_NAME.matcher(name).matches();
    }

    static byte[] encode(Map<String, byte[]> files) {
        if (files.size() > MAX_FILES) {
            throw new IllegalArgumentException("too many files for one backup: " + files.size());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(files.size());
            for (Map.Entry<String, byte[]> e : new TreeMap<>(files).entrySet()) {
                if (!isSafeName(e.getKey())) {
                    throw new IllegalArgumentException("unsafe backup file name: " + e.getKey());
                }
                if (e.getValue().length > MAX_ENTRY) {
                    throw new IllegalArgumentException("backup file too large: " + e.getKey());
                }
                byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
                out.writeShort(name.length);
                out.write(name);
                out.writeInt(e.getValue().length);
                out.write(e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.size() > MAX_TOTAL) {
            throw new IllegalArgumentException("backup larger than " + MAX_TOTAL + " bytes");
        }
        return bytes.toByteArray();
    }

    static Map<String, byte[]> decode(byte[] plain) throws BackupException {
        try {
            ByteBuffer in = ByteBuffer.wrap(plain);
            int count = in.getInt();
            if (count < 0 || count > MAX_FILES) {
                throw new BackupException(BackupException.Kind.DAMAGED, "This backup file is damaged.");
            }
            if (plain.length > MAX_TOTAL) {
                throw new BackupException(BackupException.Kind.TOO_LARGE, "This backup is larger than the node accepts.");
            }
            Map<String, byte[]> files = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                byte[] nameBytes = new byte[in.getShort() & 0xffff];
                in.get(nameBytes);
                String name = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(nameBytes)).toString();
                int size = in.getInt();
                if (!isSafeName(name) || size < 0 || size > MAX_ENTRY || size > in.remaining() || files.containsKey(name)) {
                    throw new BackupException(BackupException.Kind.DAMAGED, "This backup contains a file name or size the node will not accept.");
                }
                byte[] data = new byte[size];
                in.get(data);
                files.put(name, data);
            }
            if (in.hasRemaining()) {
                throw new BackupException(BackupException.Kind.DAMAGED, "This backup file is damaged.");
            }
            return files;
        } catch (BufferUnderflowException | CharacterCodingException e) {
            throw new BackupException(BackupException.Kind.DAMAGED, "This backup file is damaged.");
        }
    }
}
