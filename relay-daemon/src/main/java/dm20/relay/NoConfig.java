package dm20.relay;

import io.helidon.common.GenericType;
import io.helidon.config.Config;
import io.helidon.config.ConfigMappingException;
import io.helidon.config.ConfigValue;
import io.helidon.config.ConfigValues;
import io.helidon.config.spi.ConfigMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The configuration the relay gives Helidon's web server: one missing node, whose every child is itself.
 *
 * <p>The relay sets every server option in code ({@link RelayServer#build}). Without a configuration, four of
 * Helidon's builders (the listener's, the media context's, the content encoding's, TLS's) fall back to
 * {@code Config.empty()} to read a few absent keys, and its first use builds Helidon Config's mapper machinery
 * (≈ 160 classes, most of them the built-in mappers' lambdas), which the AOT cache then loads into every relay at
 * start (≈ 0.6 MB of an idle relay's resident set; docs/performance.md, eighth pass). A missing node answers those
 * reads the same way: nothing present, no list, no value. The two calls that need a mapper ({@link #convert},
 * {@link #mapper}) refuse; nothing in the server's build makes them. {@code NoConfigTest} holds it to
 * {@code Config.empty()}.
 */
final class NoConfig implements Config {

    static final NoConfig INSTANCE = new NoConfig();

    private static final Key ROOT = Key.create("");

    private NoConfig() {
    }

    @Override
    public Instant timestamp() {
        return Instant.EPOCH;
    }

    @Override
    public Key key() {
        return ROOT;
    }

    @Override
    public Config root() {
        return this;
    }

    @Override
    public Config get(Key key) {
        return this;
    }

    @Override
    public Config get(String key) {
        return this;
    }

    @Override
    public Config detach() {
        return this;
    }

    @Override
    public Type type() {
        return Type.MISSING;
    }

    @Override
    public boolean hasValue() {
        return false;
    }

    @Override
    public Stream<Config> traverse(Predicate<Config> predicate) {
        return Stream.empty();
    }

    @Override
    public <T> T convert(Class<T> type, String value) throws ConfigMappingException {
        throw new ConfigMappingException(ROOT, type, "the relay's web server is configured in code, not by config");
    }

    @Override
    public ConfigMapper mapper() {
        throw new UnsupportedOperationException("the relay's web server is configured in code, not by config");
    }

    @Override
    public <T> ConfigValue<T> as(GenericType<T> type) {
        return ConfigValues.empty();
    }

    @Override
    public <T> ConfigValue<T> as(Class<T> type) {
        return ConfigValues.empty();
    }

    @Override
    public <T> ConfigValue<T> as(Function<Config, T> mapper) {
        return ConfigValues.empty();
    }

    @Override
    public <T> ConfigValue<List<T>> asList(Class<T> type) {
        return ConfigValues.empty();
    }

    @Override
    public <T> ConfigValue<List<T>> asList(Function<Config, T> mapper) {
        return ConfigValues.empty();
    }

    @Override
    public ConfigValue<List<Config>> asNodeList() {
        return ConfigValues.empty();
    }

    @Override
    public ConfigValue<Map<String, String>> asMap() {
        return ConfigValues.empty();
    }

    @Override
    public String toString() {
        return "no config (the relay's server is configured in code)";
    }
}
