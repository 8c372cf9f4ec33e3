package dm20.protocol.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden JSON files that pin a wire format: one pretty-printed file per message or frame type under a
 * module's {@code src/test/resources/golden/…}. A test encodes a canonical instance and compares it,
 * byte for byte after removing the file's layout whitespace, with the file (so field names, their order
 * and value formats are all pinned), then decodes the file back.
 *
 * <p>To write the files after a deliberate, documented change of the format, run the test with
 * {@code -Dgolden.update=true}; review the diff like code. Never regenerate to make a failure go away:
 * a persisted wire only grows fields at the end (STYLE.md rule 6).
 *
 * <p>The formatting here is a character-level pass over JSON text, independent of any JSON library, so
 * that the codec under test does not also judge its own output.
 */
public final class Golden {

    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private final Path dir;

    private Golden(Path dir) {
        this.dir = dir;
    }

    /** The golden files of a folder under the calling module's {@code src/test/resources/}. */
    public static Golden in(String folder) {
        return new Golden(Path.of("src", "test", "resources").resolve(folder));
    }

    /** The folder, for messages. */
    public Path dir() {
        return dir;
    }

    /** The file for {@code name} (a wire type name). */
    public Path file(String name) {
        return dir.resolve(name + ".json");
    }

    /** The golden text of {@code name}, as one line without layout whitespace. */
    public String read(String name) {
        try {
            return compact(Files.readString(file(name), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("no golden file " + file(name) + " (run with -Dgolden.update=true"
                    + " once to write it, then review it)", e);
        }
    }

    /**
     * Asserts that {@code encoded} (one-line JSON) is exactly the golden file of {@code name}; with
     * {@code -Dgolden.update=true} writes the file instead.
     */
    public void assertMatches(String name, String encoded) {
        if (UPDATE) {
            write(name, encoded);
        }
        assertThat(encoded).as("encoding of '%s' against %s", name, file(name)).isEqualTo(read(name));
    }

    /** The type names that have a golden file here. */
    public Set<String> names() {
        try (Stream<Path> files = Files.list(dir)) {
            Set<String> names = new TreeSet<>();
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .forEach(n -> names.add(n.substring(0, n.length() - ".json".length())));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String name, String encoded) {
        try {
            Files.createDirectories(dir);
            Files.writeString(file(name), pretty(encoded) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the whitespace between JSON tokens, keeping strings intact. */
    public static String compact(String json) {
        StringBuilder out = new StringBuilder(json.length());
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\') {
                    out.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Two-space indented layout of one-line JSON; empty arrays and objects stay on one line. */
    public static String pretty(String json) {
        String text = compact(json);
        StringBuilder out = new StringBuilder(text.length() * 2);
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\') {
                    out.append(text.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    out.append(c);
                }
                case '{', '[' -> {
                    char close = c == '{' ? '}' : ']';
                    if (i + 1 < text.length() && text.charAt(i + 1) == close) {
                        out.append(c).append(close);
                        i++;
                    } else {
                        out.append(c);
                        newline(out, ++depth);
                    }
                }
                case '}', ']' -> {
                    newline(out, --depth);
                    out.append(c);
                }
                case ',' -> {
                    out.append(c);
                    newline(out, depth);
                }
                case ':' -> out.append(": ");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void newline(StringBuilder out, int depth) {
        out.append('\n').append("  ".repeat(depth));
    }
}
