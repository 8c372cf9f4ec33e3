package dm20.mcp.game;

import dm20.protocol.Visibility;
import dm20.protocol.message.OutboxMessage.NarrativePosted;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SwitchableTableFeedTest {

    private final NarrativePosted m = new NarrativePosted("p1", "hello", Visibility.everyone(), Instant.EPOCH);

    @Test
    void publish_beforeSwitchAndAfterReset_drops_betweenForwards() {
        SwitchableTableFeed feed = new SwitchableTableFeed();
        RecordingFeed target = new RecordingFeed();
        feed.publish(m);
        feed.switchTo(target);
        feed.publish(m);
        feed.reset();
        feed.publish(m);
        assertThat(target.messages()).containsExactly(m);
    }
}
