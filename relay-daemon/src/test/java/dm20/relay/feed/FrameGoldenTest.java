package dm20.relay.feed;

import dm20.protocol.message.MessageCodec;
import dm20.protocol.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the WebSocket frames the page reads: one golden file per frame type under
 * {@code src/test/resources/golden/frames/TYPE.json}, holding {@link FrameSamples}' instance. A renamed
 * record component or type name fails here, and so does a new frame type without a golden file.
 */
class FrameGoldenTest {

    private static final Golden FRAMES = Golden.in("golden/frames");

    private final FrameCodec codec = new FrameCodec(new MessageCodec());

    static Stream<Frame> frames() {
        return FrameSamples.all().stream();
    }

    @ParameterizedTest
    @MethodSource("frames")
    void encode_everyFrameType_isItsGoldenFile(Frame frame) {
        FRAMES.assertMatches(FrameCodec.typeName(frame), codec.encode(frame));
    }

    @ParameterizedTest
    @MethodSource("frames")
    void decode_everyGoldenFile_isTheSample(Frame frame) {
        assertThat(codec.decode(FRAMES.read(FrameCodec.typeName(frame)))).isEqualTo(frame);
    }

    @Test
    void samples_coverEveryPermittedFrameType() {
        Set<Class<?>> covered = frames().map(Object::getClass).collect(Collectors.toSet());

        assertThat(covered).containsExactlyInAnyOrder(Frame.class.getPermittedSubclasses());
    }

    @Test
    void goldenFiles_everyFrameType_hasExactlyOne() {
        assertThat(FRAMES.names()).isEqualTo(frames().map(FrameCodec::typeName).collect(Collectors.toSet()));
    }

    @Test
    void frameTypes_areAllInTheProtocolDoc() throws Exception {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "protocol.md"));

        assertThat(Arrays.stream(Frame.class.getPermittedSubclasses()).filter(c -> !c.equals(Frame.SeatView.class)))
                .isNotEmpty();
        frames().map(FrameCodec::typeName).forEach(name -> assertThat(doc).contains("| `" + name + "` |"));
    }
}
