package dm20.protocol.json;

import io.helidon.json.JsonParser;

/** Walks the fields of a JSON object with Helidon's streaming parser. */
final class Fields {

    private Fields() {
    }

    /** Reads one field's value; the parser is on the value's first byte and must end on its last. */
    @FunctionalInterface
    interface Reader {
        void field(String key);
    }

    /** Calls {@code reader} for each field of the object starting at the parser's current byte. */
    static void forEach(JsonParser in, Reader reader) {
        Nodes.expect(in, '{', "an object");
        byte b = in.nextToken();
        if (b == '}') {
            return;
        }
        forEachRest(in, b, reader);
    }

    /** Continues an object whose next token is {@code b} (a key, or the end). */
    static void forEachRest(JsonParser in, byte b, Reader reader) {
        while (b != '}') {
            if (b != '"') {
                throw in.createException("Expected a field name", b);
            }
            String key = in.readString();
            b = in.nextToken();
            if (b != ':') {
                throw in.createException("Expected ':' after a field name", b);
            }
            in.nextToken();
            reader.field(key);
            b = in.nextToken();
            if (b == ',') {
                b = in.nextToken();
                if (b != '"') {
                    throw in.createException("Expected a field name after ','", b);
                }
            } else if (b != '}') {
                throw in.createException("Expected ',' or '}'", b);
            }
        }
    }
}
