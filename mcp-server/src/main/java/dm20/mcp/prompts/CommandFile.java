package dm20.mcp.prompts;

import io.modelcontextprotocol.spec.McpSchema.PromptArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Claude Code command file: a front matter ({@code description}, optional {@code argument-hint}) and a
 * body in which {@code $ARGUMENTS} stands for what the user typed after the command. The hint names the
 * arguments, {@code <name>} required and {@code [name]} optional, in order; as an MCP prompt each becomes
 * a named argument, and {@code $ARGUMENTS} is the given values joined by spaces, as Claude Code does.
 * Immutable.
 *
 * @param name        the command's name (the file name without {@code .md}), e.g. {@code party-next}
 * @param description one line, what the command does
 * @param arguments   the arguments from the hint, in order
 * @param body        the instructions, with {@code $ARGUMENTS} unreplaced
 */
public record CommandFile(String name, String description, List<Argument> arguments, String body) {

    private static final Pattern HINT_TOKEN = Pattern.compile("<([^>]+)>|\\[([^]]+)]");

    /** One argument from the hint. */
    public record Argument(String name, boolean required) {
        public Argument {
            if (!name.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("argument names are snake_case, got '" + name + "'");
            }
        }
    }

    public CommandFile {
        Objects.requireNonNull(name, "name");
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("command " + name + " has no description");
        }
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(body, "body");
    }

    /**
     * Parses a command file's text.
     *
     * @throws IllegalArgumentException naming the file and what is wrong (no front matter, no description)
     */
    public static CommandFile parse(String name, String text) {
        String t = text.replace("\r\n", "\n");
        if (!t.startsWith("---\n")) {
            throw new IllegalArgumentException("command " + name + ": no front matter (--- … ---) at the top");
        }
        int end = t.indexOf("\n---\n", 3);
        if (end < 0) {
            throw new IllegalArgumentException("command " + name + ": front matter is not closed with ---");
        }
        Map<String, String> front = frontMatter(t.substring(4, end));
        return new CommandFile(name, front.getOrDefault("description", ""),
                arguments(front.getOrDefault("argument-hint", "")), t.substring(end + 5));
    }

    private static Map<String, String> frontMatter(String block) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String line : block.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String v = line.substring(colon + 1).strip();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                m.put(line.substring(0, colon).strip(), v);
            }
        }
        return m;
    }

    private static List<Argument> arguments(String hint) {
        List<Argument> args = new ArrayList<>();
        Matcher m = HINT_TOKEN.matcher(hint);
        while (m.find()) {
            boolean required = m.group(1) != null;
            args.add(new Argument((required ? m.group(1) : m.group(2)).strip().toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", "_"), required));
        }
        return args;
    }

    /** The arguments as MCP prompt arguments. */
    public List<PromptArgument> promptArguments() {
        return arguments.stream().map(a -> new PromptArgument(a.name(), a.name().replace('_', ' '),
                (a.required() ? "required" : "optional") + "; see the prompt text", a.required())).toList();
    }

    /**
     * The body with {@code $ARGUMENTS} replaced by the given values joined by spaces (in argument order).
     *
     * @throws IllegalArgumentException if a required argument is missing or an unknown one is given
     */
    public String render(Map<String, String> given) {
        for (String key : given.keySet()) {
            if (arguments.stream().noneMatch(a -> a.name().equals(key))) {
                throw new IllegalArgumentException("prompt " + name + " has no argument '" + key + "'; it takes "
                        + arguments.stream().map(Argument::name).toList());
            }
        }
        List<String> values = new ArrayList<>();
        for (Argument a : arguments) {
            Optional<String> v = Optional.ofNullable(given.get(a.name())).map(String::strip).filter(s -> !s.isEmpty());
            if (v.isEmpty() && a.required()) {
                throw new IllegalArgumentException("prompt " + name + " needs the argument '" + a.name() + "'");
            }
            v.ifPresent(values::add);
        }
        return body.replace("$ARGUMENTS", String.join(" ", values)).strip();
    }
}
