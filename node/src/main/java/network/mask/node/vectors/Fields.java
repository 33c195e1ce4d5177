package network.mask.node.vectors;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Typed, schema-error-reporting access to one JSON object of a vector file. */
final class Fields {

    private final JsonObject object;
    private final String where;

    Fields(JsonObject object, String where) {
        this.object = object;
        this.where = where;
    }

    boolean has(String key) {
        return object.containsKey(key) && object.get(key).getValueType() != JsonValue.ValueType.NULL;
    }

    JsonValue raw(String key) throws VectorFormatException {
        if (!has(key)) throw missing(key, "a value");
        return object.get(key);
    }

    String string(String key) throws VectorFormatException {
        if (!(object.get(key) instanceof JsonString s)) throw missing(key, "a string");
        return s.getString();
    }

    byte[] hex(String key) throws VectorFormatException {
        String text = string(key);
        try {
            return HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            throw new VectorFormatException(where + ": field '" + key + "' is not hex");
        }
    }

    long number(String key) throws VectorFormatException {
        if (!(object.get(key) instanceof JsonNumber n)) throw missing(key, "a number");
        try {
            // u64 delays above Long.MAX_VALUE read as their two's complement, as the wire does.
            return n.bigIntegerValueExact().longValue();
        } catch (ArithmeticException e) {
            throw new VectorFormatException(where + ": field '" + key + "' is not an integer");
        }
    }

    int integer(String key) throws VectorFormatException {
        long value = number(key);
        if (value != (int) value) throw new VectorFormatException(where + ": field '" + key + "' is out of range");
        return (int) value;
    }

    Fields object(String key) throws VectorFormatException {
        if (!(object.get(key) instanceof JsonObject o)) throw missing(key, "an object");
        return new Fields(o, where + "." + key);
    }

    List<Fields> objects(String key) throws VectorFormatException {
        if (!(object.get(key) instanceof JsonArray array)) throw missing(key, "an array");
        List<Fields> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonObject o)) {
                throw new VectorFormatException(where + ": " + key + "[" + i + "] is not an object");
            }
            out.add(new Fields(o, where + "." + key + "[" + i + "]"));
        }
        return out;
    }

    List<String> strings(String key) throws VectorFormatException {
        if (!(object.get(key) instanceof JsonArray array)) throw missing(key, "an array");
        List<String> out = new ArrayList<>();
        for (JsonValue value : array) {
            if (!(value instanceof JsonString s)) throw new VectorFormatException(where + ": " + key + " holds a non-string");
            out.add(s.getString());
        }
        return out;
    }

    private VectorFormatException missing(String key, String kind) {
        return new VectorFormatException(where + ": field '" + key + "' missing or not " + kind);
    }
}
