package dm20.relay;

import io.helidon.common.tls.Tls;
import io.helidon.config.Config;
import io.helidon.config.ConfigException;
import io.helidon.config.ConfigValue;
import io.helidon.http.encoding.ContentEncoding;
import io.helidon.http.encoding.ContentEncodingContext;
import io.helidon.http.media.MediaContext;
import io.helidon.http.media.MediaSupport;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link NoConfig} answers what Helidon's builders ask of a configuration the way Helidon's own
 * {@code Config.empty()} does, and what the relay builds from it is what Helidon builds without one.
 */
class NoConfigTest {

    private static final List<String> KEYS = List.of("", "port", "host", "protocols", "features", "media-supports",
            "protocols-discover-services", "tls", "tls.enabled", "sockets", "connection-options.tcp-no-delay",
            "a.b.c", "0");

    @Test
    void everyRead_ofAnyKeyAtAnyDepth_answersAsHelidonsEmptyConfig() {
        Config empty = Config.empty();
        for (String key : KEYS) {
            for (String child : KEYS) {
                Config theirs = empty.get(key).get(child);
                Config ours = NoConfig.INSTANCE.get(key).get(child);
                String at = key + " / " + child;
                assertThat(ours.exists()).as(at).isEqualTo(theirs.exists()).isFalse();
                assertThat(ours.type()).as(at).isEqualTo(theirs.type());
                assertThat(ours.isLeaf()).as(at).isEqualTo(theirs.isLeaf());
                assertThat(ours.isObject()).as(at).isEqualTo(theirs.isObject());
                assertThat(ours.isList()).as(at).isEqualTo(theirs.isList());
                assertThat(ours.hasValue()).as(at).isEqualTo(theirs.hasValue());
                assertThat(ours.traverse().count()).as(at).isEqualTo(theirs.traverse().count());
                assertSameValue(at + " asString", ours.asString(), theirs.asString());
                assertSameValue(at + " asBoolean", ours.asBoolean(), theirs.asBoolean());
                assertSameValue(at + " asInt", ours.asInt(), theirs.asInt());
                assertSameValue(at + " asLong", ours.asLong(), theirs.asLong());
                assertSameValue(at + " as(Duration)", ours.as(Duration.class), theirs.as(Duration.class));
                assertSameValue(at + " as(Function)", ours.as(Config::name), theirs.as(Config::name));
                assertThat(ours.map(c -> "mapped").isPresent()).as(at + " map")
                        .isEqualTo(theirs.map(c -> "mapped").isPresent()).isFalse();
                assertSameValue(at + " asList", ours.asList(String.class), theirs.asList(String.class));
                assertSameValue(at + " asList(Function)", ours.asList(Config::name), theirs.asList(Config::name));
                assertSameValue(at + " asNodeList", ours.asNodeList(), theirs.asNodeList());
                assertSameValue(at + " asMap", ours.asMap(), theirs.asMap());
            }
        }
    }

    private static <T> void assertSameValue(String at, ConfigValue<T> ours, ConfigValue<T> theirs) {
        assertThat(ours.isPresent()).as(at).isEqualTo(theirs.isPresent()).isFalse();
        assertThat(ours.isEmpty()).as(at).isTrue();
        assertThat(ours.asOptional()).as(at).isEqualTo(theirs.asOptional());
        List<T> seen = new ArrayList<>();
        ours.ifPresent(seen::add);
        assertThat(seen).as(at).isEmpty();
        assertThat(ours.as(Function.identity()).isPresent()).as(at).isFalse();
        assertThat(ours.orElseGet(() -> null)).as(at).isNull();
        assertThatThrownBy(ours::get).as(at).isInstanceOf(ConfigException.class);
        assertThatThrownBy(theirs::get).as(at).isInstanceOf(ConfigException.class);
    }

    @Test
    void theServersSettings_builtWithNoConfig_areHelidonsDefaults() {
        WebServerConfig ours = WebServer.builder().config(NoConfig.INSTANCE).host("127.0.0.1").port(0)
                .shutdownHook(false).buildPrototype();
        WebServerConfig theirs = WebServer.builder().host("127.0.0.1").port(0).shutdownHook(false).buildPrototype();

        // the listener's settings, their protocols and features as discovered: what the server runs with
        assertThat(withoutIdentities(ours.toString())).isEqualTo(withoutIdentities(theirs.toString()));
        assertThat(ours.protocols()).hasSameSizeAs(theirs.protocols());
        assertThat(ours.features()).hasSameSizeAs(theirs.features());
    }

    private static String withoutIdentities(String prototype) {
        // the prototypes print their parts' identity hashes (Http1LoggingConnectionListener@6d868997)
        return prototype.replaceAll("@[0-9a-f]+\\b", "@?");
    }

    @Test
    void theMediaAndEncodingContexts_builtFromNoConfig_holdHelidonsDefaults() {
        assertThat(names(MediaContext.create(NoConfig.INSTANCE).prototype().mediaSupports(), MediaSupport::name))
                .isNotEmpty()
                .isEqualTo(names(MediaContext.create().prototype().mediaSupports(), MediaSupport::name));
        assertThat(names(ContentEncodingContext.create(NoConfig.INSTANCE).prototype().contentEncodings(),
                ContentEncoding::name))
                .isEqualTo(names(ContentEncodingContext.create().prototype().contentEncodings(), ContentEncoding::name));
        Tls ours = Tls.builder().config(NoConfig.INSTANCE).enabled(false).build();
        Tls theirs = Tls.builder().enabled(false).build();
        assertThat(ours.enabled()).isFalse();
        assertThat(withoutIdentities(ours.prototype().toString()))
                .isEqualTo(withoutIdentities(theirs.prototype().toString()));
    }

    private static <T> List<String> names(List<T> items, Function<T, String> name) {
        return items.stream().map(name).toList();
    }

    @Test
    void conversions_thatNeedAMapper_refuseClearly() {
        assertThatThrownBy(() -> NoConfig.INSTANCE.convert(Integer.class, "1"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("configured in code");
        assertThatThrownBy(NoConfig.INSTANCE::mapper).hasMessageContaining("configured in code");
        assertThat(NoConfig.INSTANCE.asMap().orElse(Map.of())).isEmpty();
    }
}
