package dm20.protocol.message;

import dm20.protocol.CombatState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * On-demand JMH benchmark of the bus codec (docs/performance.md, "Codec"): encode, decode and both for
 * four typical messages. Not part of the test run.
 *
 * <pre>scripts/bench shared-protocol dm20.protocol.message.CodecBenchmark [JMH options]</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class CodecBenchmark {

    /** Which message: a player's action, a resolution with private parts, a full sheet, an 8-way fight. */
    @Param({"action_submitted", "action_resolved", "character_updated", "combat_updated"})
    public String message;

    /** The codec: today's (Helidon's JSON) or the Jackson one it replaced (kept as a baseline). */
    @Param({"helidon", "jackson"})
    public String codec;

    private Codec impl;
    private BusMessage sample;
    private String json;
    private boolean inbox;

    @Setup
    public void setUp() {
        sample = switch (message) {
            case "action_submitted" -> Samples.allInbox().getFirst();
            case "action_resolved" -> new OutboxMessage.ActionResolved("a-17", "s-ann",
                    "The door creaks open onto a hall of broken statues; dust hangs in the lantern light.",
                    List.of(new OutboxMessage.PrivatePart("p-ann", "You notice a pressure plate by the third statue."),
                            new OutboxMessage.PrivatePart("p-ben", "The statues' eyes follow you. Nobody else sees it."),
                            new OutboxMessage.PrivatePart("p-cat", "Your amulet grows warm.")),
                    Optional.of("trap DC 15, triggers on the 3rd plate"), Samples.AT);
            case "character_updated" -> new OutboxMessage.CharacterUpdated("c-ara", Optional.of("p-ann"),
                    Samples.sheet("c-ara", "Ara", "Ann"), Samples.AT);
            case "combat_updated" -> new OutboxMessage.CombatUpdated(eightWayFight(), Samples.AT);
            default -> throw new IllegalArgumentException(message);
        };
        inbox = sample instanceof InboxMessage;
        impl = switch (codec) {
            case "helidon" -> {
                MessageCodec c = new MessageCodec();
                yield new Codec(c::encode, c::decodeInbox, c::decodeOutbox);
            }
            case "jackson" -> {
                JacksonMessageCodec c = new JacksonMessageCodec();
                yield new Codec(c::encode, c::decodeInbox, c::decodeOutbox);
            }
            default -> throw new IllegalArgumentException(codec);
        };
        json = impl.encode.apply(sample);
    }

    private record Codec(Function<BusMessage, String> encode, Function<String, InboxMessage> inbox,
                         Function<String, OutboxMessage> outbox) {
        BusMessage decode(boolean isInbox, String text) {
            return isInbox ? inbox.apply(text) : outbox.apply(text);
        }
    }

    static CombatState eightWayFight() {
        List<CombatState.Combatant> order = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            order.add(Samples.pc("c-" + i, "Hero " + i, "p-" + i, 20 - i));
            order.add(new CombatState.Combatant("m-" + i, "Goblin " + i, CombatState.Kind.MONSTER, Optional.empty(),
                    Optional.empty(), 15 - i, Optional.of(7), Optional.of(7), i == 3, false, false));
        }
        return new CombatState(true, 3, CombatState.TurnMode.ROUND_ROBIN, order, Optional.of("c-0"),
                Optional.of("m-0"), Optional.of(Samples.AT.plusSeconds(300)), Optional.empty(), List.of("p-0"));
    }

    @Benchmark
    public String encode() {
        return impl.encode.apply(sample);
    }

    @Benchmark
    public BusMessage decode() {
        return impl.decode(inbox, json);
    }

    @Benchmark
    public BusMessage encodeDecode() {
        return impl.decode(inbox, impl.encode.apply(sample));
    }

    /** Runs this benchmark; with arguments, they are JMH's command line (e.g. {@code -p codec=helidon -f 2}). */
    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        new Runner(new OptionsBuilder().include(CodecBenchmark.class.getSimpleName()).build()).run();
    }
}
