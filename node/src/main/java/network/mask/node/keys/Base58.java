package network.mask.node.keys;

import java.util.Arrays;

/** Base58 with the Bitcoin alphabet, the text form Nym uses for its public keys. */
public final class Base58 {

    private static final char[] ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final int[] INDEX = new int[128];

    static {
        Arrays.fill(INDEX, -1);
        for (int i = 0; i < ALPHABET.length; i++) INDEX[ALPHABET[i]] = i;
    }

    private Base58() {}

    public static String encode(byte[] input) {
        if (input.length == 0) return "";
        int zeros = 0;
        while (zeros < input.length && input[zeros] == 0) zeros++;
        byte[] digits = Arrays.copyOf(input, input.length);   // divided in place, base 256 -> 58
        char[] out = new char[input.length * 2];
        int outStart = out.length;
        int start = zeros;
        while (start < digits.length) {
            out[--outStart] = ALPHABET[divmod(digits, start, 256, 58)];
            if (digits[start] == 0) start++;
        }
        while (outStart < out.length && out[outStart] == ALPHABET[0]) outStart++;
        while (--zeros >= 0) out[--outStart] = ALPHABET[0];
        return new String(out, outStart, out.length - outStart);
    }

    /** @throws IllegalArgumentException on a character outside the alphabet */
    public static byte[] decode(String input) {
        if (input.isEmpty()) return new byte[0];
        byte[] digits = new byte[input.length()];
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            int d = c < 128 ? INDEX[c] : -1;
            if (d < 0) throw new IllegalArgumentException("not a base58 character at position " + i);
            digits[i] = (byte) d;
        }
        int zeros = 0;
        while (zeros < digits.length && digits[zeros] == 0) zeros++;
        byte[] out = new byte[input.length()];
        int outStart = out.length;
        int start = zeros;
        while (start < digits.length) {
            out[--outStart] = (byte) divmod(digits, start, 58, 256);
            if (digits[start] == 0) start++;
        }
        while (outStart < out.length && out[outStart] == 0) outStart++;
        return Arrays.copyOfRange(out, outStart - zeros, out.length);
    }

    /** Divides the number in {@code number[first..]} (digits in {@code base}) by {@code divisor}; returns the remainder. */
    private static int divmod(byte[] number, int first, int base, int divisor) {
        int remainder = 0;
        for (int i = first; i < number.length; i++) {
            int temp = remainder * base + (number[i] & 0xFF);
            number[i] = (byte) (temp / divisor);
            remainder = temp % divisor;
        }
        return remainder;
    }
}
