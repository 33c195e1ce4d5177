package network.mask.webui.validation;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Bech32 decoding and checksum verification exactly as BIP-173 specifies (not bech32m): the
 * checksum is an error-detecting code, not cryptography, so it is implemented here.
 */
public final class Bech32 {

    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    private static final int MAX_LENGTH = 90;

    private Bech32() {
    }

    /** Why a string is not valid bech32; {@link #position} is the offending index or -1. */
    public static final class Bech32Exception extends Exception {
        private final Problem problem;
        private final int position;

        Bech32Exception(Problem problem, int position) {
            super(problem + (position >= 0 ? " at " + position : ""));
            this.problem = problem;
            this.position = position;
        }

        public Problem problem() {
            return problem;
        }

        public int position() {
            return position;
        }
    }

    public enum Problem { TOO_LONG, MIXED_CASE, BAD_CHARACTER, NO_SEPARATOR, EMPTY_PREFIX, DATA_TOO_SHORT, BAD_CHECKSUM, BAD_PADDING }

    /** @param hrp lower-case human-readable part; {@code data} 5-bit words without the checksum */
    public record Decoded(String hrp, byte[] data) {
        /** The data regrouped from 5-bit words into bytes (strict: no non-zero padding). */
        public byte[] bytes() throws Bech32Exception {
            return convert5to8(data);
        }
    }

    public static Decoded decode(String s) throws Bech32Exception {
        if (s.length() > MAX_LENGTH) {
            throw new Bech32Exception(Problem.TOO_LONG, MAX_LENGTH);
        }
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 33 || c > 126) {
                throw new Bech32Exception(Problem.BAD_CHARACTER, i);
            }
            lower |= c >= 'a' && c <= 'z';
            upper |= c >= 'A' && c <= 'Z';
        }
        if (lower && upper) {
            throw new Bech32Exception(Problem.MIXED_CASE, -1);
        }
        String str = s.toLowerCase(Locale.ROOT);
        int sep = str.lastIndexOf('1');
        if (sep < 0) {
            throw new Bech32Exception(Problem.NO_SEPARATOR, -1);
        }
        if (sep == 0) {
            throw new Bech32Exception(Problem.EMPTY_PREFIX, 0);
        }
        if (str.length() - sep - 1 < 6) {
            throw new Bech32Exception(Problem.DATA_TOO_SHORT, -1);
        }
        String hrp = str.substring(0, sep);
        byte[] values = new byte[str.length() - sep - 1];
        for (int i = 0; i < values.length; i++) {
            int v = CHARSET.indexOf(str.charAt(sep + 1 + i));
            if (v < 0) {
                throw new Bech32Exception(Problem.BAD_CHARACTER, sep + 1 + i);
            }
            values[i] = (byte) v;
        }
        if (polymod(hrp, values) != 1) {
            throw new Bech32Exception(Problem.BAD_CHECKSUM, -1);
        }
        byte[] data = new byte[values.length - 6];
        System.arraycopy(values, 0, data, 0, data.length);
        return new Decoded(hrp, data);
    }

    /** Encodes bytes under a prefix (used by tests and for showing addresses). */
    public static String encode(String hrp, byte[] bytes) {
        byte[] data = convert8to5(bytes);
        byte[] withZeros = new byte[data.length + 6];
        System.arraycopy(data, 0, withZeros, 0, data.length);
        int mod = polymod(hrp, withZeros) ^ 1;
        StringBuilder sb = new StringBuilder(hrp).append('1');
        for (byte d : data) {
            sb.append(CHARSET.charAt(d));
        }
        for (int i = 0; i < 6; i++) {
            sb.append(CHARSET.charAt((mod >>> (5 * (5 - i))) & 31));
        }
        return sb.toString();
    }

    private static int polymod(String hrp, byte[] values) {
        int chk = 1;
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk, hrp.charAt(i) >> 5);
        }
        chk = step(chk, 0);
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk, hrp.charAt(i) & 31);
        }
        for (byte v : values) {
            chk = step(chk, v);
        }
        return chk;
    }

    private static int step(int chk, int value) {
        int top = chk >>> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ value;
        for (int i = 0; i < 5; i++) {
            if (((top >>> i) & 1) != 0) {
                chk ^= GENERATOR[i];
            }
        }
        return chk;
    }

    private static byte[] convert5to8(byte[] data) throws Bech32Exception {
        int acc = 0;
        int bits = 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte value : data) {
            acc = (acc << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out.write((acc >>> bits) & 0xff);
            }
        }
        if (bits >= 5 || ((acc << (8 - bits)) & 0xff) != 0) {
            throw new Bech32Exception(Problem.BAD_PADDING, -1);
        }
        return out.toByteArray();
    }

    private static byte[] convert8to5(byte[] bytes) {
        int acc = 0;
        int bits = 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : bytes) {
            acc = (acc << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                out.write((acc >>> bits) & 31);
            }
        }
        if (bits > 0) {
            out.write((acc << (5 - bits)) & 31);
        }
        return out.toByteArray();
    }
}
