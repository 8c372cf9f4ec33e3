package dm20.mcp.rules;

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

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The latency of one {@link Rulebook#search} over everything (all kinds, the first 8 hits), per query
 * shape: an exact name, a misspelled name, several words, a long misspelled word. Sample-time mode, so
 * JMH reports p50/p99/p99.9 per call. On demand, never in the test run:
 * {@code scripts/bench mcp-server dm20.mcp.rules.RuleSearchBenchmark} (see docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class RuleSearchBenchmark {

    @Param({"fireball", "firebal", "magic misile", "breath weapon cold damage", "advantage attack rolls",
            "conjuration", "dragon", "g"})
    public String query;

    private Rulebook rules;

    @Setup
    public void load() {
        rules = new SrdRulebook();
        rules.load();
    }

    @Benchmark
    public List<SearchHit> search() {
        return rules.search(query, Set.of(), 8);
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(RuleSearchBenchmark.class.getSimpleName()).build()).run();
    }
}
