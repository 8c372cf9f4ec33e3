package dm20.relay.ws;

import dm20.relay.feed.Frame;
import dm20.relay.feed.FrameCodec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class EncodedFramesTest {

    private final FrameCodec codec = new FrameCodec();
    private final EncodedFrames frames = new EncodedFrames(codec);

    private static List<Frame> errors(int n, int textChars) {
        return IntStream.range(0, n).<Frame>mapToObj(i -> new Frame.Error("e" + i, "x".repeat(textChars))).toList();
    }

    @Test
    void encodeAll_packsWholeFramesOnePerLine_inOrder_withinTheMessageSize() {
        List<Frame> history = new ArrayList<>(errors(300, 120));
        history.add(150, new Frame.Error("multi\nline", "a text\nwith\r\nnewlines\u2028too"));
        List<String> messages = frames.encodeAll(history);

        List<String> lines = messages.stream().flatMap(m -> Arrays.stream(m.split("\n"))).toList();
        assertThat(lines).containsExactlyElementsOf(history.stream().map(codec::encode).toList());
        assertThat(messages).allMatch(m -> m.length() <= EncodedFrames.MESSAGE_CHARS);
        assertThat(messages.size()).isLessThan(history.size() / 10);
        // every message but the last is full: the next frame would not have fitted
        for (int i = 0; i + 1 < messages.size(); i++) {
            String next = messages.get(i + 1).split("\n")[0];
            assertThat(messages.get(i).length() + 1 + next.length()).isGreaterThan(EncodedFrames.MESSAGE_CHARS);
        }
    }

    @Test
    void encodeAll_aFrameLongerThanAMessage_isAMessageOfItsOwn() {
        List<Frame> history = List.of(new Frame.Error("a", "short"), new Frame.Error("big", "y".repeat(9_000)),
                new Frame.Error("b", "short"));
        List<String> messages = frames.encodeAll(history);
        assertThat(messages).hasSize(3);
        assertThat(messages.get(1)).isEqualTo(codec.encode(history.get(1)));
    }

    @Test
    void encodeAll_sameListAgain_isPackedOnce_anEqualListIsPackedEqually() {
        List<Frame> history = errors(50, 40);
        List<String> first = frames.encodeAll(history);
        assertThat(frames.encodeAll(history)).isSameAs(first);
        assertThat(frames.encodeAll(new ArrayList<>(history))).isEqualTo(first).isNotSameAs(first);
        assertThat(frames.encodeAll(List.of())).isEmpty();
    }
}
