package network.mask.node.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A config file's text, or a plain-words reason why it cannot be read: not UTF-8 (with the byte
 * offset of the first bad byte), not readable by this user, a directory. Never the JDK's bare
 * "Input length = 1".
 */
final class ConfigText {

    private ConfigText() {}

    static String read(Path file) throws ConfigException, IOException {
        if (Files.isDirectory(file)) throw new ConfigException(file + ": is a directory, not a config file");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw new ConfigException(file + ": cannot be read by this user (permission denied); run the command as the "
                    + "file's owner or with sudo");
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf
                ? 3 : 0;   // a byte-order mark, as Windows Notepad writes it
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            int at = firstBadByte(bytes, start);
            throw new ConfigException(file + ": is not UTF-8 text (line " + lineOf(bytes, at) + ", byte " + at
                    + "); save it as UTF-8 in your editor (it may be Latin-1 or UTF-16)");
        }
    }

    private static int firstBadByte(byte[] bytes, int from) {
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        var result = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .decode(in, java.nio.CharBuffer.allocate(bytes.length + 1), true);
        return result.isError() ? in.position() : bytes.length;   // the decoder stops at the bad byte
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) if (bytes[i] == '\n') line++;
        return line;
    }
}
