package dm20.protocol.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command line read without picocli, for both processes' fast start: picocli's classes cannot go into an AOT cache
 * (their class files are too old to be linked ahead of time), so loading them cost every start. Only a plain line is
 * read here — {@code --name value} or {@code --name=value}, each known option at most once, no value that is empty or
 * starts with {@code -} or {@code @}; anything else is left to picocli, which gives every help text and error.
 */
public final class PlainArgs {

    private PlainArgs() {
    }

    /**
     * The values of a plain command line by option name, or empty when the line is not plain (an unknown or repeated
     * option, a missing value, a value picocli might read differently) and picocli must read it.
     */
    public static Optional<Map<String, String>> read(String[] args, Set<String> known) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                name = arg;
                value = args[++i];
            } else {
                return Optional.empty();
            }
            if (!known.contains(name) || value.isEmpty() || value.startsWith("-") || value.startsWith("@")
                    || values.put(name, value) != null) {
                return Optional.empty();
            }
        }
        return Optional.of(values);
    }

    /**
     * A plain decimal number: digits only, no sign, no leading zero, at most 9 digits (so it fits an {@code int}).
     *
     * @throws IllegalArgumentException for anything else, which picocli then reads (or refuses with its message)
     */
    public static int number(String value) {
        if (value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')
                || (value.length() > 1 && value.charAt(0) == '0')) {
            throw new IllegalArgumentException("not a plain number");
        }
        return Integer.parseInt(value);
    }
}
