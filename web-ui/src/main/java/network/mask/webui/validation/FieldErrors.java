package network.mask.webui.validation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Messages per form field, in the order the fields were checked. The first message per field wins. */
public final class FieldErrors {

    private final Map<String, String> messages = new LinkedHashMap<>();

    public void add(String field, String message) {
        messages.putIfAbsent(field, message);
    }

    public Optional<String> get(String field) {
        return Optional.ofNullable(messages.get(field));
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public Map<String, String> all() {
        return Collections.unmodifiableMap(messages);
    }

    @Override
    public String toString() {
        return messages.toString();
    }
}
