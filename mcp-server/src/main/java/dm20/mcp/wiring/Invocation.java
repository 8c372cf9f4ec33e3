package dm20.mcp.wiring;

import picocli.CommandLine;

import java.util.function.Function;

/**
 * What a command line asks for: run with a validated configuration, or show the help. Parsing is picocli's,
 * one annotated options class per entry point; every bad or missing value is an {@link IllegalArgumentException}
 * whose message names the option and ends with the usage.
 *
 * @param <T> the validated configuration
 */
public sealed interface Invocation<T> {

    /** Run with {@code config}. */
    record Run<T>(T config) implements Invocation<T> {
    }

    /** {@code --help} (or {@code --version}): print {@code usage} and exit 0. */
    record Help<T>(String usage) implements Invocation<T> {
    }

    /**
     * Parses {@code args} into {@code options} (a picocli {@code @Command} with {@code mixinStandardHelpOptions})
     * and validates them with {@code validate}.
     *
     * @throws IllegalArgumentException naming the bad, missing or unknown option, with the usage
     */
    static <O, T> Invocation<T> parse(O options, String[] args, Function<O, T> validate) {
        CommandLine cli = new CommandLine(options);
        try {
            CommandLine.ParseResult parsed = cli.parseArgs(args);
            if (parsed.isVersionHelpRequested()) {
                return new Help<>(String.join("\n", cli.getCommandSpec().version()) + "\n");
            }
            if (parsed.isUsageHelpRequested()) {
                return new Help<>(cli.getUsageMessage(CommandLine.Help.Ansi.OFF));
            }
            return new Run<>(validate.apply(options));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage() + "\n" + cli.getUsageMessage(CommandLine.Help.Ansi.OFF), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "\n" + cli.getUsageMessage(CommandLine.Help.Ansi.OFF), e);
        }
    }
}
