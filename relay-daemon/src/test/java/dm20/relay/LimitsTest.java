package dm20.relay;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LimitsTest {

    @Test
    void defaults_areTheDocumentedOnes() {
        assertThat(Limits.DEFAULT).isEqualTo(new Limits(8192, 4096, 2000, 20, 4, 200, 1024, Duration.ofSeconds(5)));
    }

    @Test
    void with_changesOnlyTheNamedCaps() {
        Limits l = Limits.DEFAULT.withActionsPerMinute(5).withSockets(2, 50);
        assertThat(l.actionsPerMinute()).isEqualTo(5);
        assertThat(l.socketsPerSeat()).isEqualTo(2);
        assertThat(l.observerSockets()).isEqualTo(50);
        assertThat(l.maxBodyBytes()).isEqualTo(Limits.DEFAULT.maxBodyBytes());
    }

    @Test
    void construct_nonPositiveBound_namesIt() {
        assertThatThrownBy(() -> Limits.DEFAULT.withSockets(4, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("observerSockets must be positive, got 0");
        assertThatThrownBy(() -> Limits.DEFAULT.withActionsPerMinute(-1)).hasMessageContaining("actionsPerMinute");
    }
}
