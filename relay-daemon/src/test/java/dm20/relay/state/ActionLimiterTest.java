package dm20.relay.state;

import dm20.relay.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActionLimiterTest {

    @Test
    void allows_upToTheLimitPerSeatPerWindow() {
        ActionLimiter limiter = new ActionLimiter(3, Duration.ofMinutes(1));
        Instant t = Fixtures.T0;
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.allows("p1", t.plusSeconds(i))).isTrue();
            limiter.record("p1", t.plusSeconds(i));
        }
        assertThat(limiter.allows("p1", t.plusSeconds(10))).isFalse();
        assertThat(limiter.allows("p2", t.plusSeconds(10))).isTrue();
        assertThat(limiter.allows("p1", t.plusSeconds(60))).isTrue();
    }

    @Test
    void constructor_zeroLimit_isRejected() {
        assertThatThrownBy(() -> new ActionLimiter(0, Duration.ofMinutes(1))).hasMessageContaining("limit");
    }
}
