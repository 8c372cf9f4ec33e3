package dm20.protocol.json;

import io.helidon.json.JsonGenerator;
import io.helidon.json.JsonParser;

/**
 * How one Java type is written and read. {@link #read} starts with the parser on the value's first byte
 * and leaves it on the value's last byte (Helidon's parser convention). Implementations are immutable.
 */
interface Node<T> {

    void write(JsonGenerator out, T value);

    T read(JsonParser in);

    /** The value of a field that is absent (or JSON null): empty for optionals and collections. */
    default T absent() {
        return null;
    }

    /** True when the field is left out instead of written (an empty optional). */
    default boolean omit(T value) {
        return value == null;
    }
}
