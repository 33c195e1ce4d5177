package network.mask.node.nymapistandin;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads JSON the way serde's derived {@code Deserialize} reads nym's models: a missing or mistyped
 * required field is an error, an {@code Option<T>} field may be missing or {@code null}, integers
 * must be whole and inside their Rust type's range, and unknown fields are ignored (serde's
 * default). Every error names the field.
 */
final class StrictJson {

    static final BigInteger U16_MAX = BigInteger.valueOf(0xFFFF);
    static final BigInteger U32_MAX = BigInteger.valueOf(0xFFFF_FFFFL);
    static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    static final BigInteger U8_MAX = BigInteger.valueOf(0xFF);
    static final BigInteger I64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    static final BigInteger I64_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private StrictJson() {}

    /** A model that does not match nym's shape. */
    static final class ModelException extends Exception {
        ModelException(String message) {
            super(message);
        }
    }

    static JsonObject object(String body) throws ModelException {
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            JsonValue v = r.readValue();
            if (v.getValueType() != JsonValue.ValueType.OBJECT) throw new ModelException("expected a JSON object, got " + v.getValueType());
            return v.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            throw new ModelException("not JSON: " + e.getMessage());
        }
    }

    static JsonObject requiredObject(JsonObject o, String field) throws ModelException {
        JsonValue v = required(o, field);
        if (v.getValueType() != JsonValue.ValueType.OBJECT) throw wrongType(field, "an object", v);
        return v.asJsonObject();
    }

    static Optional<JsonObject> optionalObject(JsonObject o, String field) throws ModelException {
        JsonValue v = o.get(field);
        if (v == null || v == JsonValue.NULL) return Optional.empty();
        if (v.getValueType() != JsonValue.ValueType.OBJECT) throw wrongType(field, "an object or null", v);
        return Optional.of(v.asJsonObject());
    }

    static JsonArray requiredArray(JsonObject o, String field) throws ModelException {
        JsonValue v = required(o, field);
        if (v.getValueType() != JsonValue.ValueType.ARRAY) throw wrongType(field, "an array", v);
        return v.asJsonArray();
    }

    static String requiredString(JsonObject o, String field) throws ModelException {
        JsonValue v = required(o, field);
        if (v.getValueType() != JsonValue.ValueType.STRING) throw wrongType(field, "a string", v);
        return ((JsonString) v).getString();
    }

    /** serde's {@code #[serde(default = ...)]} string: missing gives {@code fallback}, null is an error. */
    static String stringOrDefault(JsonObject o, String field, String fallback) throws ModelException {
        return o.containsKey(field) ? requiredString(o, field) : fallback;
    }

    static Optional<String> optionalString(JsonObject o, String field) throws ModelException {
        JsonValue v = o.get(field);
        if (v == null || v == JsonValue.NULL) return Optional.empty();
        if (v.getValueType() != JsonValue.ValueType.STRING) throw wrongType(field, "a string or null", v);
        return Optional.of(((JsonString) v).getString());
    }

    static boolean requiredBool(JsonObject o, String field) throws ModelException {
        JsonValue v = required(o, field);
        if (v == JsonValue.TRUE) return true;
        if (v == JsonValue.FALSE) return false;
        throw wrongType(field, "true or false", v);
    }

    /** serde's {@code #[serde(default)]} bool: missing is false, null is an error. */
    static boolean boolOrFalse(JsonObject o, String field) throws ModelException {
        return o.containsKey(field) && requiredBool(o, field);
    }

    static long requiredUnsigned(JsonObject o, String field, BigInteger max) throws ModelException {
        return unsigned(field, required(o, field), max);
    }

    static OptionalLong optionalUnsigned(JsonObject o, String field, BigInteger max) throws ModelException {
        JsonValue v = o.get(field);
        if (v == null || v == JsonValue.NULL) return OptionalLong.empty();
        return OptionalLong.of(unsigned(field, v, max));
    }

    /** A u8/u16/u32/u64 (u64 values above Long.MAX_VALUE come back negative, as unsigned longs). */
    static long unsigned(String field, JsonValue v, BigInteger max) throws ModelException {
        if (v.getValueType() != JsonValue.ValueType.NUMBER) throw wrongType(field, "an unsigned integer", v);
        JsonNumber n = (JsonNumber) v;
        String text = n.toString();
        if (text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
            throw new ModelException(field + ": " + text + " is a floating point number, not an integer");
        }
        BigInteger i;
        try {
            i = n.bigIntegerValueExact();
        } catch (ArithmeticException e) {
            throw new ModelException(field + ": " + n + " is not a whole number");
        }
        if (i.signum() < 0 || i.compareTo(max) > 0) {
            throw new ModelException(field + ": " + i + " is outside 0.." + max);
        }
        return i.longValue();
    }

    static ModelException wrongType(String field, String expected, JsonValue got) {
        return new ModelException(field + ": expected " + expected + ", got " + got.getValueType().toString().toLowerCase());
    }

    private static JsonValue required(JsonObject o, String field) throws ModelException {
        JsonValue v = o.get(field);
        if (v == null) throw new ModelException("missing field `" + field + "`");
        if (v == JsonValue.NULL) throw new ModelException(field + ": null where a value is required");
        return v;
    }
}
