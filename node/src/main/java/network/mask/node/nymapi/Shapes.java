package network.mask.node.nymapi;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import network.mask.node.keys.Base58;

/** Strict reads of JSON fields, each failure a {@link NymApiException.Kind#MALFORMED} naming the field. */
final class Shapes {

    private Shapes() {}

    static NymApiException malformed(String what) {
        return new NymApiException(NymApiException.Kind.MALFORMED, what);
    }

    static JsonObject object(JsonValue v, String what) throws NymApiException {
        if (v instanceof JsonObject o) return o;
        throw malformed(what + " is not a JSON object");
    }

    static JsonObject object(JsonObject o, String name) throws NymApiException {
        return object(o.get(name), "'" + name + "'");
    }

    static JsonArray array(JsonObject o, String name) throws NymApiException {
        if (o.get(name) instanceof JsonArray a) return a;
        throw malformed("'" + name + "' is not an array");
    }

    static String string(JsonObject o, String name) throws NymApiException {
        if (o.get(name) instanceof JsonString s) return s.getString();
        throw malformed("'" + name + "' is not a string");
    }

    /** An RFC 3339 time, as nym-api writes its {@code OffsetDateTime}s. */
    static java.time.Instant instant(JsonObject o, String name) throws NymApiException {
        try {
            return java.time.OffsetDateTime.parse(string(o, name)).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw malformed("'" + name + "' is not an RFC 3339 time");
        }
    }

    static long integer(JsonValue v, String name, long min, long max) throws NymApiException {
        if (v instanceof JsonNumber n && n.isIntegral()) {
            try {
                long x = n.longValueExact();
                if (x >= min && x <= max) return x;
            } catch (ArithmeticException ignored) {
                // out of range, below
            }
        }
        throw malformed("'" + name + "' is not an integer in " + min + ".." + max);
    }

    static long u32(JsonObject o, String name) throws NymApiException {
        return integer(o.get(name), name, 0, 0xFFFF_FFFFL);
    }

    static int u16(JsonObject o, String name) throws NymApiException {
        return (int) integer(o.get(name), name, 0, 0xFFFF);
    }

    /** A 32-byte key in base58, as nym's {@code bs58_*_pubkey} serde helpers write it. */
    static String key32(JsonObject o, String name) throws NymApiException {
        String s = string(o, name);
        byte[] raw;
        try {
            raw = Base58.decode(s);
        } catch (RuntimeException e) {
            throw malformed("'" + name + "' is not base58");
        }
        if (raw.length != 32) throw malformed("'" + name + "' is not a 32-byte key");
        return s;
    }

    /** A performance value: nym's {@code Percent} serialises as a decimal string, older answers as a number. */
    static double fraction(JsonObject o, String name) throws NymApiException {
        JsonValue v = o.get(name);
        double d;
        if (v instanceof JsonString s) {
            try {
                d = Double.parseDouble(s.getString());
            } catch (NumberFormatException e) {
                throw malformed("'" + name + "' is not a decimal");
            }
        } else if (v instanceof JsonNumber n) {
            d = n.doubleValue();
        } else {
            throw malformed("'" + name + "' is missing");
        }
        if (!(d >= 0 && d <= 1)) throw malformed("'" + name + "' is not within 0..1");
        return d;
    }

    static double number(JsonObject o, String name) throws NymApiException {
        if (o.get(name) instanceof JsonNumber n) return n.doubleValue();
        throw malformed("'" + name + "' is not a number");
    }

    static boolean bool(JsonObject o, String name) throws NymApiException {
        JsonValue v = o.get(name);
        if (v == JsonValue.TRUE) return true;
        if (v == JsonValue.FALSE) return false;
        throw malformed("'" + name + "' is not a boolean");
    }

    static boolean isNull(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v == null || v == JsonValue.NULL;
    }

    /** An IP address literal; host names are refused (nym-api sends {@code IpAddr}). */
    static InetAddress ip(JsonValue v, String name) throws NymApiException {
        if (!(v instanceof JsonString s) || !s.getString().matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            throw malformed("'" + name + "' is not an IP address literal");
        }
        try {
            return InetAddress.getByName(s.getString());   // a literal: no DNS lookup
        } catch (java.net.UnknownHostException e) {
            throw malformed("'" + name + "' is not an IP address literal");
        }
    }

    static List<Long> u32List(JsonObject o, String name) throws NymApiException {
        List<Long> out = new ArrayList<>();
        for (JsonValue v : array(o, name)) out.add(integer(v, name, 0, 0xFFFF_FFFFL));
        return List.copyOf(out);
    }

    /**
     * A cosmwasm {@code Decimal} or {@code Percent}: serde writes both as a decimal string
     * ({@code "0.3"}, {@code "4628151543.537705326476901331"}). Read as a double: the node only
     * estimates with it. Negative, non-finite or non-decimal values are refused.
     */
    static double decimal(JsonObject o, String name) throws NymApiException {
        if (!(o.get(name) instanceof JsonString s) || !s.getString().matches("[0-9]{1,40}(\\.[0-9]{1,40})?")) {
            throw malformed("'" + name + "' is not a decimal string");
        }
        double d = Double.parseDouble(s.getString());
        if (!Double.isFinite(d)) throw malformed("'" + name + "' is out of range");
        return d;
    }

    /** A {@code Percent}: a decimal string within 0..1 ({@code common/cosmwasm-smart-contracts/contracts-common/src/types.rs}). */
    static double percent(JsonObject o, String name) throws NymApiException {
        double d = decimal(o, name);
        if (d > 1) throw malformed("'" + name + "' is a percent above 1");
        return d;
    }

    /** A cosmwasm {@code Coin} {@code {"denom": "unym", "amount": "123"}}; the amount in the denom's base unit. */
    static double coinAmount(JsonObject o, String name, String denom) throws NymApiException {
        JsonObject coin = object(o, name);
        if (!denom.equals(string(coin, "denom"))) throw malformed("'" + name + "' is not in " + denom);
        if (!(coin.get("amount") instanceof JsonString s) || !s.getString().matches("[0-9]{1,39}")) {
            throw malformed("'" + name + ".amount' is not an integer string");
        }
        return Double.parseDouble(s.getString());
    }
}
